package no.heima.patient;

import java.util.List;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.audit.AuditOutcome;
import no.heima.audit.AuditRecord;
import no.heima.audit.AuditTrail;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUser;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * "Who has looked at my data": the logged-in patient's own access log, from the audit
 * trail, without their own actions. Refused attempts are shown too.
 */
@Allowed(Role.PATIENT)
@RestController
class AccessLogController {

	private static final int LIMIT = 200;

	private final PatientService patients;

	private final AuditTrail trail;

	private final AuditLog audit;

	private final CurrentUsers users;

	private final TransactionalOperator tx;

	AccessLogController(PatientService patients, AuditTrail trail, AuditLog audit, CurrentUsers users,
			TransactionalOperator tx) {
		this.patients = patients;
		this.trail = trail;
		this.audit = audit;
		this.users = users;
		this.tx = tx;
	}

	@GetMapping("/api/me/access-log")
	Mono<List<AccessLogEntry>> accessLog() {
		return this.users.requireRole(Role.PATIENT)
			.flatMap((user) -> this.patients.getOwn(user)
				.flatMap((patient) -> this.tx.transactional(this.trail.accessLog(patient.id(), user.subject(), LIMIT)
					.map(AccessLogController::line)
					.collectList()
					.flatMap((lines) -> this.audit.record(entry(user, patient)).thenReturn(lines)))));
	}

	private static AuditEntry entry(CurrentUser user, Patient patient) {
		return AuditEntry.of(user, patient.id(), AuditAction.READ, "AuditEvent", AuditOutcome.SUCCESS,
				"own access log");
	}

	private static AccessLogEntry line(AuditRecord row) {
		String roles = (row.actorRoles() != null) ? row.actorRoles() : "";
		String role = roles.contains("CLINICIAN") ? "CLINICIAN"
				: roles.contains("ADMIN") ? "ADMIN" : roles.contains("PATIENT") ? "PATIENT" : "SYSTEM";
		String who = (row.actorName() != null && !row.actorName().isBlank()) ? row.actorName() : row.actorSubject();
		return new AccessLogEntry(row.occurredAt(), who, role, row.purpose(), row.action(), row.resource(),
				row.outcome());
	}

}
