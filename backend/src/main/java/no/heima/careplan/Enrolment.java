package no.heima.careplan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A request to enrol a patient: {@code pathwayVersion} defaults to the latest published
 * one, {@code team} to the pathway's team, {@code startDate} to today, {@code timeZone}
 * to Europe/Oslo.
 */
public record Enrolment(UUID pathwayId, Integer pathwayVersion, LocalDate startDate, String team, String timeZone) {

}
