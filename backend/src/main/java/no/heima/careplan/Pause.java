package no.heima.careplan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A pause: no tasks from {@code from} through {@code until} (open-ended when null), or
 * until the day before it was resumed.
 */
public record Pause(UUID id, LocalDate from, LocalDate until, LocalDate resumedOn, String reason) {

	public boolean covers(LocalDate day) {
		if (day.isBefore(this.from)) {
			return false;
		}
		LocalDate lastPaused = this.until;
		if (this.resumedOn != null) {
			LocalDate dayBeforeResume = this.resumedOn.minusDays(1);
			lastPaused = (lastPaused == null || dayBeforeResume.isBefore(lastPaused)) ? dayBeforeResume : lastPaused;
		}
		return lastPaused == null || !day.isAfter(lastPaused);
	}

}
