package no.heima.pathway;

import java.time.Duration;

/**
 * How soon the care team acts on this pathway's items: a red item within {@code redHours}
 * hours, a yellow or missing one by the end of the {@code yellowWorkingDays}-th working
 * day after it was raised (1 = the next working day). Either may be absent: the
 * worklist's configured default applies.
 */
public record ResponseTimes(Integer redHours, Integer yellowWorkingDays) {

	/** The longest a red item may wait (three days). */
	static final int MAX_RED_HOURS = 72;

	/** The most working days a yellow item may wait. */
	static final int MAX_YELLOW_WORKING_DAYS = 10;

	/** The red deadline as a duration, or null for the default. */
	public Duration red() {
		return (this.redHours != null) ? Duration.ofHours(this.redHours) : null;
	}

}
