package no.heima.patient;

import java.time.Instant;
import java.util.UUID;

/**
 * A team's request for access to a person another team follows, as the owning team sees
 * it (the requester never sees it: they are answered the same whether or not the person
 * exists).
 */
public record AccessRequest(UUID id, UUID patientId, String patientName, String requestingTeam, String requestedByName,
		String reason, String status, Instant createdAt) {
}
