package no.heima.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.fhir.HeimaUris;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUser;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * ADMIN: search the audit trail by patient, user, time and decision, as JSON for the
 * clinician app or as a FHIR searchset of AuditEvents for an auditor's tools. Reading who
 * accessed a patient is itself an access to that patient, and is audited.
 */
@Allowed(Role.ADMIN)
@RestController
@RequestMapping("/api/admin/audit")
class AuditController {

	private static final int MAX_SIZE = 200;

	record AuditPage(List<AuditRecord> items, int page, int size) {
	}

	private final AuditTrail trail;

	private final AuditLog audit;

	private final CurrentUsers users;

	private final HeimaUris uris;

	AuditController(AuditTrail trail, AuditLog audit, CurrentUsers users, HeimaUris uris) {
		this.trail = trail;
		this.audit = audit;
		this.users = users;
		this.uris = uris;
	}

	@GetMapping
	Mono<AuditPage> search(@RequestParam(required = false) UUID patient, @RequestParam(required = false) String actor,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) AuditOutcome outcome, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return query(patient, actor, from, to, outcome, page, size)
			.flatMap((query) -> this.users.requireRole(Role.ADMIN)
				.flatMap((user) -> audited(user, query).then(this.trail.search(query).collectList())
					.map((rows) -> new AuditPage(rows, page, size))));
	}

	/** The same search as a FHIR R4 searchset Bundle of AuditEvents. */
	@GetMapping(path = "/fhir", produces = FhirJson.MEDIA_TYPE)
	Mono<String> fhir(@RequestParam(required = false) UUID patient, @RequestParam(required = false) String actor,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) AuditOutcome outcome, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return query(patient, actor, from, to, outcome, page, size)
			.flatMap((query) -> this.users.requireRole(Role.ADMIN)
				.flatMap((user) -> audited(user, query).then(this.trail.search(query).collectList())
					.map((rows) -> FhirJson.write(AuditEventExport.bundle(rows, this.uris)))));
	}

	private Mono<Void> audited(CurrentUser user, AuditQuery query) {
		if (query.patient() == null) {
			return Mono.empty();
		}
		return this.audit.success(user, query.patient(), AuditAction.SEARCH, "AuditEvent",
				"audit trail of the patient");
	}

	private static Mono<AuditQuery> query(UUID patient, String actor, Instant from, Instant to, AuditOutcome outcome,
			int page, int size) {
		if (page < 0 || size < 1 || size > MAX_SIZE || (actor != null && actor.length() > 200)) {
			return Mono.error(HeimaProblemException.validation(List.of(new FieldProblem("size", "range",
					"page >= 0, size between 1 and " + MAX_SIZE + ", actor at most 200 characters"))));
		}
		return Mono.just(new AuditQuery(patient, actor, from, to, outcome, size, (long) page * size));
	}

}
