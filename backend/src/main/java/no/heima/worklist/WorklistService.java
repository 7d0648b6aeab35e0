package no.heima.worklist;

import no.heima.identity.Access;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.audit.AuditOutcome;
import no.heima.fhirsync.FhirOutbox;
import no.heima.identity.CurrentUser;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The clinician's side of the worklist: the team's open items, taking, escalating and
 * resolving them; and what a patient may see of it (who reviewed their submission, when,
 * and the message to them).
 */
@Service
public class WorklistService {

	static final Set<String> ACTIONS = Set.of("CALLED_PATIENT", "ADJUSTED_MEDICATION", "BOOKED_VISIT",
			"NO_ACTION_NEEDED", "OTHER");

	private static final int MAX_PAGE = 200;

	private final WorklistRepository repository;

	private final AuditLog audit;

	private final TransactionalOperator tx;

	private final Clock clock;

	private final FhirOutbox outbox;

	private final FlagMapper flags;

	private final TeamDirectory directory;

	WorklistService(WorklistRepository repository, AuditLog audit, TransactionalOperator tx, Clock clock,
			FhirOutbox outbox, FlagMapper flags, TeamDirectory directory) {
		this.directory = directory;
		this.repository = repository;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
		this.outbox = outbox;
		this.flags = flags;
	}

	/**
	 * One page of the caller's teams' open items, in worklist order, with one SEARCH
	 * audit row per patient listed.
	 *
	 * <p>
	 * The statements run one after the other on the transaction's single connection: the
	 * page is read to the end before the count and the audit insert are sent. Feeding the
	 * streaming select into per-row audit inserts (as before) hung once a page held more
	 * rows than the operator's prefetch (32): the inserts queued behind the select, and
	 * the select waited for demand that only the inserts' completion would bring.
	 */
	public Mono<WorklistPage> open(CurrentUser actor, int page, int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("size", "range", "page >= 0, size 1-" + MAX_PAGE))));
		}
		Mono<WorklistPage> work = this.repository.open(actor.teams(), size, (long) page * size, this.clock.instant())
			.collectList()
			.flatMap((items) -> this.repository.countOpen(actor.teams())
				.flatMap((total) -> this.audit.recordAll(listed(actor, items))
					.thenReturn(new WorklistPage(items, page, size, total))));
		return requireClinician(actor).then(this.tx.transactional(work));
	}

	/** One entry per patient on the page (a patient may have several items). */
	private static List<AuditEntry> listed(CurrentUser actor, List<WorklistItem> items) {
		return items.stream()
			.map(WorklistItem::patientId)
			.distinct()
			.map((patient) -> AuditEntry.of(actor, patient, AuditAction.SEARCH, "WorklistItem", AuditOutcome.SUCCESS,
					"worklist"))
			.toList();
	}

	public Mono<WorklistItem> take(CurrentUser actor, UUID id) {
		return item(actor, id)
			.flatMap((item) -> this.tx.transactional(this.repository.take(id, actor.subject(), displayName(actor))
				.flatMap((rows) -> (rows == 0) ? Mono.error(alreadyTaken(id))
						: audit(actor, item, AuditAction.UPDATE, "took worklist item")
							.then(this.repository.notify("taken", id, item.team())))
				.then(this.repository.find(id, this.clock.instant()))));
	}

	public Mono<WorklistItem> escalate(CurrentUser actor, UUID id, String note) {
		if (note == null || note.isBlank()) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("note", "required", "Say why and to whom it is escalated"))));
		}
		return item(actor, id).flatMap((item) -> this.tx.transactional(this.repository.escalate(id, note.strip())
			.flatMap((rows) -> (rows == 0) ? Mono.error(stateConflict("The item is already resolved"))
					: audit(actor, item, AuditAction.UPDATE, "escalated")
						.then(this.repository.notify("escalated", id, item.team())))
			.then(this.repository.find(id, this.clock.instant()))));
	}

	/**
	 * Gives the item to a colleague of its team (from the team directory); they see it as
	 * theirs.
	 */
	public Mono<WorklistItem> assign(CurrentUser actor, UUID id, String subject) {
		return item(actor, id)
			.flatMap(
					(item) -> this.directory.require(item.team(), subject)
						.flatMap((colleague) -> this.tx.transactional(this.repository
							.assign(id, colleague.subject(), colleague.name())
							.flatMap((rows) -> (rows == 0) ? Mono.error(stateConflict("The item is already resolved"))
									: audit(actor, item, AuditAction.UPDATE, "assigned to " + colleague.name())
										.then(this.repository.notify("taken", id, item.team())))
							.then(this.repository.find(id, this.clock.instant())))));
	}

	/**
	 * Escalates to a named colleague of the item's team (who becomes its assignee) and/or
	 * a role, optionally with a new deadline (which must lie ahead).
	 */
	public Mono<WorklistItem> escalate(CurrentUser actor, UUID id, Escalation escalation) {
		if (escalation.note() == null || escalation.note().isBlank()) {
			return escalate(actor, id, (String) null);
		}
		if (escalation.dueAt() != null && !escalation.dueAt().isAfter(this.clock.instant())) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("dueAt", "future", "The new deadline must lie ahead"))));
		}
		String role = (escalation.toRole() == null || escalation.toRole().isBlank()) ? null
				: escalation.toRole().strip();
		if (role != null && role.length() > 100) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("toRole", "too-long", "At most 100 characters"))));
		}
		boolean named = escalation.toSubject() != null && !escalation.toSubject().isBlank();
		return item(actor, id).flatMap(
				(item) -> (named
						? this.directory.require(item.team(), escalation.toSubject()).map(java.util.Optional::of)
						: Mono.just(java.util.Optional.<no.heima.team.TeamMember>empty()))
					.flatMap((colleague) -> this.tx.transactional(this.repository
						.escalateTo(id, escalation.note().strip(),
								colleague.map(no.heima.team.TeamMember::subject).orElse(null),
								colleague.map(no.heima.team.TeamMember::name).orElse(null), role, escalation.dueAt())
						.flatMap((rows) -> (rows == 0) ? Mono.error(stateConflict("The item is already resolved"))
								: audit(actor, item, AuditAction.UPDATE,
										"escalated" + colleague.map((c) -> " to " + c.name()).orElse("")
												+ ((role != null) ? " (role " + role + ")" : "")
												+ ((escalation.dueAt() != null) ? ", due " + escalation.dueAt() : ""))
									.then(this.repository.notify("escalated", id, item.team())))
						.then(this.repository.find(id, this.clock.instant())))));
	}

	public Mono<WorklistItem> resolve(CurrentUser actor, UUID id, Resolution resolution) {
		if (resolution == null || resolution.action() == null || !ACTIONS.contains(resolution.action())
				|| resolution.note() == null || resolution.note().isBlank()) {
			return Mono.error(HeimaProblemException.validation(List
				.of(new FieldProblem("action", "required", "An action (" + ACTIONS + ") and a note are required"))));
		}
		String message = (resolution.patientMessage() == null || resolution.patientMessage().isBlank()) ? null
				: resolution.patientMessage().strip();
		return item(actor, id).flatMap((item) -> this.tx.transactional(this.repository
			.resolve(id, actor.subject(), displayName(actor), resolution.action(), resolution.note().strip(), message)
			.flatMap((rows) -> (rows == 0)
					? Mono.error(stateConflict(
							"The item is resolved, or taken by " + item.assigneeName() + "; only they can resolve it"))
					: audit(actor, item, AuditAction.UPDATE, "resolved: " + resolution.action())
						.then(this.repository.notify("resolved", id, item.team())))
			.then(this.repository.find(id, this.clock.instant()))
			.flatMap((resolved) -> this.repository.patientIdentifier(id)
				.flatMap((patient) -> this.outbox.enqueue(this.flags.resolved(resolved, patient[0], patient[1])))
				.thenReturn(resolved))));
	}

	/**
	 * A patient's items as the patient may see them: reviewed by whom, when, and the
	 * message.
	 */
	public Flux<Review> reviewsFor(UUID patientId) {
		return this.repository.forPatient(patientId, this.clock.instant())
			.map((item) -> new Review(item.kind(), item.sourceKey(), item.level(), item.status(),
					"RESOLVED".equals(item.status()) ? item.resolvedByName() : null, item.resolvedAt(),
					item.patientMessage()));
	}

	/**
	 * A clinician's view of one patient's items (team checked by the caller's feature).
	 */
	public Flux<WorklistItem> forPatient(UUID patientId) {
		return this.repository.forPatient(patientId, this.clock.instant());
	}

	private Mono<WorklistItem> item(CurrentUser actor, UUID id) {
		return requireClinician(actor).then(this.repository.find(id, this.clock.instant()))
			.filter((item) -> actor.isMemberOf(item.team()))
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such worklist item")));
	}

	private Mono<Void> audit(CurrentUser actor, WorklistItem item, AuditAction action, String detail) {
		return this.audit.success(actor, item.patientId(), action, "WorklistItem", detail);
	}

	/** Machine clients have no name claim: their subject (the client id) stands in. */
	private static String displayName(CurrentUser actor) {
		return (actor.name() != null) ? actor.name() : actor.subject();
	}

	static Mono<Void> requireClinician(CurrentUser actor) {
		return Access.require(actor, "The worklist is for clinicians", Role.CLINICIAN);
	}

	private static HeimaProblemException alreadyTaken(UUID id) {
		return new HeimaProblemException(ProblemType.STATE_CONFLICT, "Someone else took item " + id + " first");
	}

	private static HeimaProblemException stateConflict(String detail) {
		return new HeimaProblemException(ProblemType.STATE_CONFLICT, detail);
	}

}
