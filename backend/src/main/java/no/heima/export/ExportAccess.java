package no.heima.export;

import java.util.UUID;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.audit.AuditOutcome;
import no.heima.identity.CurrentUser;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may export (admins only) and the audit of every decision: a refusal is a DENIED
 * row; an export is one row describing it plus one row per patient it covers, so each
 * patient's own access log shows it.
 */
@Component
class ExportAccess {

	private static final int AUDIT_BATCH = 500;

	private final CurrentUsers users;

	private final AuditLog audit;

	ExportAccess(CurrentUsers users, AuditLog audit) {
		this.users = users;
		this.audit = audit;
	}

	/** The caller, if an admin; anyone else is refused, and the refusal audited. */
	Mono<CurrentUser> admin(String resource) {
		return this.users.current()
			.flatMap((user) -> user.has(Role.ADMIN) ? Mono.just(user) : this.audit
				.record(entry(user, null, AuditAction.SEARCH, resource, AuditOutcome.DENIED,
						"cohort export requires the role ADMIN"))
				.then(Mono
					.error(new HeimaProblemException(ProblemType.FORBIDDEN, "Cohort exports are for administrators"))));
	}

	/** One row for the export, one per patient in it. */
	Mono<Void> exported(CurrentUser user, String resource, String detail, Flux<UUID> patients) {
		return this.audit.record(entry(user, null, AuditAction.SEARCH, resource, AuditOutcome.SUCCESS, detail))
			.thenMany(patients.buffer(AUDIT_BATCH))
			.concatMap((batch) -> this.audit.recordAll(batch.stream()
				.map((patient) -> entry(user, patient, AuditAction.READ, resource, AuditOutcome.SUCCESS, detail))
				.toList()))
			.then();
	}

	/** A read of an export's status or files (no patient data by itself, or a file). */
	Mono<Void> read(CurrentUser user, String resource, String detail) {
		return this.audit.record(entry(user, null, AuditAction.READ, resource, AuditOutcome.SUCCESS, detail));
	}

	private static AuditEntry entry(CurrentUser user, UUID patient, AuditAction action, String resource,
			AuditOutcome outcome, String detail) {
		return new AuditEntry(user.subject(), user.name(), user.rolesAsText(), patient, action, resource, outcome,
				detail);
	}

}
