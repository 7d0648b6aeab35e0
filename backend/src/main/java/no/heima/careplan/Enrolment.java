package no.heima.careplan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A request to enrol a patient: {@code pathwayVersion} defaults to the latest published
 * one, {@code team} to the pathway's team, {@code startDate} to today, {@code timeZone}
 * to Europe/Oslo; {@code evaluationDate}, when given, is the day the care team evaluates
 * the follow-up (e.g. after the run-in), on or after the start date.
 */
public record Enrolment(UUID pathwayId, Integer pathwayVersion, LocalDate startDate, String team, String timeZone,
		LocalDate evaluationDate) {

	/** An enrolment with no evaluation planned. */
	public Enrolment(UUID pathwayId, Integer pathwayVersion, LocalDate startDate, String team, String timeZone) {
		this(pathwayId, pathwayVersion, startDate, team, timeZone, null);
	}

}
