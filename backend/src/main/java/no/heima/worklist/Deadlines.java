package no.heima.worklist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import no.heima.pathway.ResponseTimes;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an item must be acted on: red within {@code red} (default 2 hours); yellow and
 * missing by the end of the next working day ({@code endOfDay} local time; weekends and
 * Norwegian public holidays are not working days, see {@link WorkingDays}); a patient's
 * message (level MESSAGE) within {@code message} (default 4 hours). A pathway may set its
 * own red hours and yellow working days ({@link ResponseTimes}).
 */
@ConfigurationProperties("heima.worklist.deadline")
record Deadlines(@DefaultValue("PT2H") Duration red, @DefaultValue("16:00") LocalTime endOfDay,
		@DefaultValue("Europe/Oslo") ZoneId zone, @DefaultValue("PT4H") Duration message) {

	Instant dueAt(String level, Instant raised, WorkingDays days) {
		return dueAt(level, raised, days, null);
	}

	/**
	 * As {@link #dueAt(String, Instant, WorkingDays)}, with a pathway's own response
	 * times (each absent one falls back to the default).
	 */
	Instant dueAt(String level, Instant raised, WorkingDays days, ResponseTimes pathway) {
		if ("RED".equals(level)) {
			Duration red = (pathway != null && pathway.red() != null) ? pathway.red() : this.red;
			return raised.plus(red);
		}
		if ("MESSAGE".equals(level)) {
			return raised.plus(this.message);
		}
		int workingDays = (pathway != null && pathway.yellowWorkingDays() != null) ? pathway.yellowWorkingDays() : 1;
		LocalDate day = LocalDate.ofInstant(raised, this.zone);
		for (int i = 0; i < workingDays; i++) {
			day = days.next(day);
		}
		return day.atTime(this.endOfDay).atZone(this.zone).toInstant();
	}

}
