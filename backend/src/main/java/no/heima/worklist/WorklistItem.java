package no.heima.worklist;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * An item as clinicians see it (with the patient's name, for the list). The schema
 * annotations make the web apps' generated type exact (which fields may be null, the
 * values of kind, level, status and action).
 *
 * @param escalatedToSubject the colleague it was escalated to (also its assignee), if
 * named
 * @param escalatedToRole the role it was escalated to (e.g. the physician on call), if
 * any
 */
public record WorklistItem(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID patientId,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String patientName,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {
				"string", "null" }, format = "uuid") UUID carePlanId,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String team,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				allowableValues = { "MEASUREMENT", "RESPONSE", "MISSING", "UNASSESSED", "MESSAGE",
						"EVALUATION" }) String kind,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sourceKey,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String activityId,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				allowableValues = { "RED", "YELLOW", "MISSING", "MESSAGE" }) String level,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String summary,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" }) String reasons,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant raisedAt,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" },
				format = "date-time") Instant dueAt,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean overdue,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				allowableValues = { "OPEN", "IN_PROGRESS", "RESOLVED" }) String status,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" }) String assigneeSubject,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" }) String assigneeName,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" },
				format = "date-time") Instant takenAt,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" },
				format = "date-time") Instant escalatedAt,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" },
				format = "date-time") Instant resolvedAt,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" }) String resolvedByName,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" },
				allowableValues = { "CALLED_PATIENT", "ADJUSTED_MEDICATION", "BOOKED_VISIT", "NO_ACTION_NEEDED",
						"OTHER" }) String action,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" }) String note,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" }) String patientMessage,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version,
		@Schema(types = { "string", "null" }) String escalatedToSubject,
		@Schema(types = { "string", "null" }) String escalatedToName,
		@Schema(types = { "string", "null" }) String escalatedToRole){

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
