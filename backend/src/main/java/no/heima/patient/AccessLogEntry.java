package no.heima.patient;

import java.time.Instant;

/**
 * One line of a patient's own access log: who (name and role, never their login id),
 * when, why (an HL7 PurposeOfUse code), what they did to which kind of record, and
 * whether they were let in.
 */
public record AccessLogEntry(Instant at, String who, String role, String purpose, String action, String resource,
		String outcome) {
}
