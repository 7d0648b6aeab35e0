package no.heima.forecast;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the forecast learns its rates.
 *
 * @param windowDays the recent days whose rates are observed
 * @param maxDays the longest forecast asked for
 * @param minHistory scheduled tasks an activity needs in the window before its own rates
 * are called observed (below it the prior shows)
 * @param priorWeight pseudo-tasks the prior counts as: an activity's rates are
 * {@code (observed + weight × prior) / (tasks + weight)}, so little history leans on the
 * prior and much history outweighs it
 * @param priorDone share of tasks done when no pooled history exists
 * @param priorAlertShare share of submissions raising a yellow or red item, likewise
 * @param priorMissed share of tasks raising a missed-task item, likewise
 * @param patientsPerNurse the DHO rule of thumb (patients per nurse full-time equivalent)
 */
@ConfigurationProperties("heima.forecast")
record ForecastProperties(@DefaultValue("28") int windowDays, @DefaultValue("14") int maxDays,
		@DefaultValue("200") long minHistory, @DefaultValue("100") double priorWeight,
		@DefaultValue("0.9") double priorDone, @DefaultValue("0.1") double priorAlertShare,
		@DefaultValue("0.05") double priorMissed, @DefaultValue("80") double patientsPerNurse) {

	static ForecastProperties defaults() {
		return new ForecastProperties(28, 14, 200, 100, 0.9, 0.1, 0.05, 80);
	}

}
