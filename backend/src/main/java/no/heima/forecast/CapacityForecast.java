package no.heima.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The forecast as admins see it.
 *
 * @param windowFrom first day whose rates were observed (the window ends the day before
 * {@code from})
 * @param activePatients patients with an open plan of the teams
 * @param nurses clinicians in the teams' directory
 * @param dhoNurses nurse full-time equivalents the DHO rule of thumb would give these
 * patients ({@code activePatients / patientsPerNurse})
 * @param minHistory scheduled tasks below which an activity's rates lean on the prior
 */
public record CapacityForecast(LocalDate from, int days, List<String> teams, LocalDate windowFrom, int openPlans,
		long activePatients, int nurses, double patientsPerNurse, double dhoNurses, double totalExpected,
		long minHistory, List<Day> perDay, List<ActivityRate> rates) {

	/**
	 * One day: tasks the plans schedule, evaluation days, expected items with a 90 %
	 * interval (Poisson), and per nurse of the directory (null without nurses) and per
	 * DHO nurse.
	 */
	public record Day(LocalDate date, long scheduled, long evaluations, double expected, double low, double high,
			Double perNurse, Double perDhoNurse) {
	}

	/** What one pathway activity did in the window, and the rates the forecast used. */
	public record ActivityRate(UUID pathwayId, String pathway, String activityId, String activity, long scheduled,
			long done, long alerts, long missed, double doneShare, double alertShare, double missedShare,
			double itemsPerTask, String basis) {
	}

}
