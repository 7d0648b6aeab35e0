package no.heima.audit;

import java.util.UUID;
import no.heima.identity.CurrentUser;

/**
 * One access to one patient's data. {@code patientId} is null only when the target could
 * not be resolved (e.g. a denied read of a record that does not exist).
 */
public record AuditEntry(String actorSubject, String actorName, String actorRoles, UUID patientId, AuditAction action,
		String resource, AuditOutcome outcome, String detail) {

	/** {@code actor}'s access, as the one audit entry point writes it. */
	public static AuditEntry of(CurrentUser actor, UUID patientId, AuditAction action, String resource,
			AuditOutcome outcome, String detail) {
		return new AuditEntry(actor.subject(), actor.name(), actor.rolesAsText(), patientId, action, resource, outcome,
				detail);
	}

}
