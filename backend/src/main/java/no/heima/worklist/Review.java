package no.heima.worklist;

import java.time.Instant;

/**
 * What the patient sees of a clinician's review of a submission ({@code sourceKey} is the
 * measurement's or response's id).
 */
public record Review(String kind, String sourceKey, String level, String status, String reviewedBy, Instant reviewedAt,
		String message) {

}
