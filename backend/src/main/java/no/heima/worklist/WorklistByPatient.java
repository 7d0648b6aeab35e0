package no.heima.worklist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.audit.AuditOutcome;
import no.heima.identity.CurrentUser;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The worklist for a caseload: one row per patient, worst level first, filtered and paged
 * on the server. Four statements per page (patients, their items, their counts per kind,
 * one audit insert for all of them), however many rows it shows.
 */
@Service
class WorklistByPatient {

	private static final int MAX_PAGE = 100;

	private final WorklistQueries queries;

	private final AuditLog audit;

	private final TransactionalOperator tx;

	private final Clock clock;

	WorklistByPatient(WorklistQueries queries, AuditLog audit, TransactionalOperator tx, Clock clock) {
		this.queries = queries;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	Mono<PatientRowsPage> page(CurrentUser actor, WorklistFilter filter, int page, int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("size", "range", "page >= 0, size 1-" + MAX_PAGE))));
		}
		return WorklistService.requireClinician(actor).then(Mono.defer(() -> rows(actor, filter, page, size)));
	}

	private Mono<PatientRowsPage> rows(CurrentUser actor, WorklistFilter filter, int page, int size) {
		if (actor.teams().isEmpty()) {
			return Mono.just(new PatientRowsPage(List.of(), page, size, 0, 0));
		}
		Instant now = this.clock.instant();
		Mono<PatientRowsPage> work = this.queries
			.groups(filter, actor.teams(), actor.subject(), now, size, (long) page * size)
			.flatMap((groups) -> groups.isEmpty()
					? this.queries.count(filter, actor.teams(), actor.subject(), now)
						.map((counts) -> new PatientRowsPage(List.of(), page, size, counts[0], counts[1]))
					: rows(actor, filter, now, groups).flatMap((rows) -> this.audit.recordAll(listed(actor, groups))
						.thenReturn(new PatientRowsPage(rows, page, size, groups.get(0).patients(),
								groups.get(0).items()))));
		return this.tx.transactional(work);
	}

	/**
	 * One patient's items within the filter, a page at a time: the caseload row's items
	 * past the first {@value WorklistQueries#ITEMS_PER_PATIENT}. The patient must be one
	 * of the caller's teams' ({@code visible}: checked and audited by the patient
	 * feature); only items of the caller's teams are listed, and the listing is audited.
	 */
	Mono<WorklistPage> itemsOf(CurrentUser actor, UUID patientId, Mono<?> visible, WorklistFilter filter, int page,
			int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("size", "range", "page >= 0, size 1-" + MAX_PAGE))));
		}
		Instant now = this.clock.instant();
		return WorklistService.requireClinician(actor)
			.then(visible)
			.then(this.tx.transactional(
					this.queries.itemsOf(filter, actor.teams(), actor.subject(), now, patientId, page, size)
						.flatMap((items) -> this.audit
							.success(actor, patientId, AuditAction.SEARCH, "WorklistItem",
									"worklist items of the patient, page " + page)
							.thenReturn(items))));
	}

	/** The statements run one after the other on the transaction's connection. */
	private Mono<List<PatientRow>> rows(CurrentUser actor, WorklistFilter filter, Instant now,
			List<WorklistQueries.Group> groups) {
		List<UUID> ids = groups.stream().map(WorklistQueries.Group::patientId).toList();
		return this.queries.items(filter, actor.teams(), actor.subject(), now, ids)
			.flatMap((items) -> this.queries.counts(filter, actor.teams(), actor.subject(), now, ids)
				.map((counts) -> groups.stream()
					.map((group) -> row(group, items.getOrDefault(group.patientId(), List.of()),
							counts.getOrDefault(group.patientId(), Map.of())))
					.toList()));
	}

	private static PatientRow row(WorklistQueries.Group group, List<WorklistItem> items, Map<String, long[]> kinds) {
		Map<String, Integer> counts = new TreeMap<>();
		int overdue = 0;
		for (Map.Entry<String, long[]> kind : kinds.entrySet()) {
			counts.put(kind.getKey(), (int) kind.getValue()[0]);
			overdue += (int) kind.getValue()[1];
		}
		String worst = items.isEmpty() ? null : items.get(0).level();
		return new PatientRow(group.patientId(), group.name(), group.identifier(), group.phone(), worst, counts,
				overdue, group.oldest(), items);
	}

	private static List<AuditEntry> listed(CurrentUser actor, List<WorklistQueries.Group> groups) {
		return groups.stream()
			.map((group) -> AuditEntry.of(actor, group.patientId(), AuditAction.SEARCH, "WorklistItem",
					AuditOutcome.SUCCESS, "worklist by patient"))
			.toList();
	}

}
