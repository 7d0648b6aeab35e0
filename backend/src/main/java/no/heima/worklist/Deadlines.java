package no.heima.worklist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an item must be acted on: red within {@code red} (default 2 hours); yellow and
 * missing by the end of the next working day ({@code endOfDay} local time; weekends and
 * Norwegian public holidays are not working days, see {@link WorkingDays}); a patient's
 * message (level MESSAGE) within {@code message} (default 4 hours).
 */
@ConfigurationProperties("heima.worklist.deadline")
record Deadlines(@DefaultValue("PT2H") Duration red, @DefaultValue("16:00") LocalTime endOfDay,
		@DefaultValue("Europe/Oslo") ZoneId zone, @DefaultValue("PT4H") Duration message) {

	Instant dueAt(String level, Instant raised, WorkingDays days) {
		if ("RED".equals(level)) {
			return raised.plus(this.red);
		}
		if ("MESSAGE".equals(level)) {
			return raised.plus(this.message);
		}
		LocalDate day = days.next(LocalDate.ofInstant(raised, this.zone));
		return day.atTime(this.endOfDay).atZone(this.zone).toInstant();
	}

}
