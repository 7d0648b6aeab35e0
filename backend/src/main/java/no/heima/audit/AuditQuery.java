package no.heima.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin's audit search; every criterion optional. {@code actor} matches the subject
 * exactly or the name in part.
 */
public record AuditQuery(UUID patient, String actor, Instant from, Instant to, AuditOutcome outcome, int limit,
		long offset) {
}
