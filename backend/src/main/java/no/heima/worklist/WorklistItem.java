package no.heima.worklist;

import java.time.Instant;
import java.util.UUID;

/**
 * An item as clinicians see it (with the patient's name, for the list).
 *
 * @param escalatedToSubject the colleague it was escalated to (also its assignee), if
 * named
 * @param escalatedToRole the role it was escalated to (e.g. the physician on call), if
 * any
 */
public record WorklistItem(UUID id, UUID patientId, String patientName, UUID carePlanId, String team, String kind,
		String sourceKey, String activityId, String level, String summary, String reasons, Instant raisedAt,
		Instant dueAt, boolean overdue, String status, String assigneeSubject, String assigneeName, Instant takenAt,
		Instant escalatedAt, Instant resolvedAt, String resolvedByName, String action, String note,
		String patientMessage, long version, String escalatedToSubject, String escalatedToName,
		String escalatedToRole) {

	/** An item never escalated to anyone by name or role. */
	public WorklistItem(UUID id, UUID patientId, String patientName, UUID carePlanId, String team, String kind,
			String sourceKey, String activityId, String level, String summary, String reasons, Instant raisedAt,
			Instant dueAt, boolean overdue, String status, String assigneeSubject, String assigneeName, Instant takenAt,
			Instant escalatedAt, Instant resolvedAt, String resolvedByName, String action, String note,
			String patientMessage, long version) {
		this(id, patientId, patientName, carePlanId, team, kind, sourceKey, activityId, level, summary, reasons,
				raisedAt, dueAt, overdue, status, assigneeSubject, assigneeName, takenAt, escalatedAt, resolvedAt,
				resolvedByName, action, note, patientMessage, version, null, null, null);
	}

}
