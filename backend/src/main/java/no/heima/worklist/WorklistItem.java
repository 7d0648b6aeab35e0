package no.heima.worklist;

import java.time.Instant;
import java.util.UUID;

/** An item as clinicians see it (with the patient's name, for the list). */
public record WorklistItem(UUID id, UUID patientId, String patientName, UUID carePlanId, String team, String kind,
		String sourceKey, String activityId, String level, String summary, String reasons, Instant raisedAt,
		Instant dueAt, boolean overdue, String status, String assigneeSubject, String assigneeName, Instant takenAt,
		Instant escalatedAt, Instant resolvedAt, String resolvedByName, String action, String note,
		String patientMessage, long version) {

}
