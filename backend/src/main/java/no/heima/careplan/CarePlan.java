package no.heima.careplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.heima.pathway.Threshold;
import no.heima.triage.RuleVersion;

/**
 * A patient's enrolment on a pathway version. {@code status} is ACTIVE, PAUSED (a pause
 * covers today) or ENDED; {@code version} is the optimistic-concurrency token;
 * {@code evaluationDate} the day the care team next evaluates the follow-up (null: none
 * planned).
 */
public record CarePlan(UUID id, UUID patientId, UUID pathwayId, int pathwayVersion, String pathwayName, String team,
		LocalDate startDate, String timeZone, Status status, LocalDate endDate, String endReason,
		List<PersonalThreshold> personalThresholds, List<Pause> pauses, long version, Instant createdAt,
		LocalDate evaluationDate) {

	/** A plan with no evaluation planned. */
	public CarePlan(UUID id, UUID patientId, UUID pathwayId, int pathwayVersion, String pathwayName, String team,
			LocalDate startDate, String timeZone, Status status, LocalDate endDate, String endReason,
			List<PersonalThreshold> personalThresholds, List<Pause> pauses, long version, Instant createdAt) {
		this(id, patientId, pathwayId, pathwayVersion, pathwayName, team, startDate, timeZone, status, endDate,
				endReason, personalThresholds, pauses, version, createdAt, null);
	}

	/** Whether an evaluation is due on {@code today} (or was due and is not done). */
	public boolean evaluationDue(LocalDate today) {
		return this.status != Status.ENDED && this.evaluationDate != null && !today.isBefore(this.evaluationDate);
	}

	public enum Status {

		ACTIVE, PAUSED, ENDED

	}

	/** Whether the plan asks anything of the patient on {@code day}. */
	public boolean activeOn(LocalDate day) {
		if (day.isBefore(this.startDate) || (this.endDate != null && day.isAfter(this.endDate))) {
			return false;
		}
		return this.pauses.stream().noneMatch((p) -> p.covers(day));
	}

	/** The patient's own bounds for one activity (they win over the pathway's). */
	public List<Threshold> personalBounds(String activityId) {
		return this.personalThresholds.stream()
			.filter((p) -> p.activityId().equals(activityId))
			.map(PersonalThreshold::threshold)
			.toList();
	}

	/**
	 * The rules a triage under this plan comes from: pathway version and plan version.
	 */
	public RuleVersion ruleVersion() {
		return new RuleVersion(this.pathwayId, this.pathwayVersion, this.id, this.version);
	}

}
