package no.heima.audit;

import java.time.Instant;
import java.util.UUID;

/** One stored audit row, as admins search it and the FHIR export maps it. */
public record AuditRecord(long id, Instant occurredAt, String actorSubject, String actorName, String actorRoles,
		UUID patientId, String action, String resource, String outcome, String detail, String purpose) {
}
