package no.heima.patient;

import no.heima.identity.Access;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.audit.AuditOutcome;
import no.heima.identity.CurrentUser;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The controlled way to a person another team follows: a clinician asks for access (or
 * registers someone already registered elsewhere), and is answered "request pending"
 * whether or not the person exists, so the answer reveals nobody; a clinician of a team
 * that follows the person approves or refuses. Every step is audited on the person.
 */
@Service
public class AccessRequests {

	private static final String RESOURCE = "AccessRequest";

	private static final int MAX_REASON = 500;

	private final AccessRequestRepository requests;

	private final PatientRepository patients;

	private final AuditLog audit;

	private final TransactionalOperator tx;

	private final PatientProperties properties;

	private final Clock clock;

	AccessRequests(AccessRequestRepository requests, PatientRepository patients, AuditLog audit,
			TransactionalOperator tx, PatientProperties properties, Clock clock) {
		this.requests = requests;
		this.patients = patients;
		this.audit = audit;
		this.tx = tx;
		this.properties = properties;
		this.clock = clock;
	}

	public Mono<AccessRequested> request(CurrentUser actor, RequestAccess command) {
		return Access.require(actor, Role.CLINICIAN).then(Mono.defer(() -> checked(actor, command)));
	}

	private Mono<AccessRequested> checked(CurrentUser actor, RequestAccess command) {
		PatientValidator validator = new PatientValidator();
		NationalId id = validator.identifier(command.identifier(), this.properties.acceptSyntheticIdentifiers(),
				LocalDate.now(this.clock));
		String team = PatientValidator.blankToNull(command.team());
		team = (team == null && !actor.teams().isEmpty()) ? actor.teams().get(0) : team;
		List<FieldProblem> problems = new ArrayList<>(validator.problems());
		if (team == null || !actor.isMemberOf(team)) {
			problems.add(new FieldProblem("team", "not-member", "Not one of your teams"));
		}
		String reason = PatientValidator.blankToNull(command.reason());
		if (reason != null && reason.length() > MAX_REASON) {
			problems.add(new FieldProblem("reason", "too-long", "At most " + MAX_REASON + " characters"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(HeimaProblemException.validation(problems));
		}
		return file(actor, id.value(), team, reason);
	}

	/**
	 * Files the request; used by registration too, once the identifier turned out to be
	 * taken by a record the caller's teams do not follow.
	 */
	Mono<AccessRequested> file(CurrentUser actor, String identifier, String team, String reason) {
		UUID requestId = UUID.randomUUID();
		Mono<AccessRequested> work = this.patients.findByIdentifier(identifier)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((found) -> {
				UUID patientId = found.map(Patient::id).orElse(null);
				return this.requests
					.insert(requestId, identifier, patientId, team, actor.subject(), actor.name(), reason)
					.then(this.audit.record(entry(actor, patientId, AuditAction.CREATE, AuditOutcome.DENIED,
							"team " + team + " asked for access (request " + requestId
									+ "); not granted until a team following the patient approves")));
			})
			.thenReturn(AccessRequested.pending(requestId));
		return this.tx.transactional(work);
	}

	/** Pending requests for patients the caller's teams follow. */
	public Mono<List<AccessRequest>> pending(CurrentUser actor) {
		return Access.require(actor, Role.CLINICIAN)
			.then(this.tx.transactional(this.requests.pendingFor(actor.teams())
				.collectList()
				.flatMap((list) -> this.audit
					.recordAll(list.stream()
						.map((r) -> entry(actor, r.patientId(), AuditAction.SEARCH, AuditOutcome.SUCCESS,
								"listed with an access request"))
						.toList())
					.thenReturn(list))));
	}

	public Mono<AccessRequest> decide(CurrentUser actor, UUID requestId, boolean approve) {
		Mono<AccessRequest> work = this.requests.findPending(requestId)
			.filterWhen((request) -> this.patients.findById(request.patientId())
				.map((patient) -> patient.followedByAnyOf(actor.teams())))
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such access request")))
			.flatMap((request) -> this.requests
				.decide(requestId, approve ? "APPROVED" : "DENIED", actor.subject(), actor.name())
				.then(approve ? this.requests.addTeam(request.patientId(), request.requestingTeam()) : Mono.empty())
				.then(this.audit.record(entry(actor, request.patientId(), AuditAction.UPDATE, AuditOutcome.SUCCESS,
						(approve ? "granted" : "refused") + " team " + request.requestingTeam() + " access (request "
								+ requestId + ")")))
				.thenReturn(request));
		return Access.require(actor, Role.CLINICIAN).then(this.tx.transactional(work));
	}

	private static AuditEntry entry(CurrentUser actor, UUID patient, AuditAction action, AuditOutcome outcome,
			String detail) {
		return AuditEntry.of(actor, patient, action, RESOURCE, outcome, detail);
	}

}
