package no.heima.audit;

import java.util.UUID;

/**
 * One access to one patient's data. {@code patientId} is null only when the target could
 * not be resolved (e.g. a denied read of a record that does not exist).
 */
public record AuditEntry(String actorSubject, String actorName, String actorRoles, UUID patientId, AuditAction action,
		String resource, AuditOutcome outcome, String detail) {
}
