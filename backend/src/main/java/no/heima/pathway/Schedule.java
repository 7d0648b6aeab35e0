package no.heima.pathway;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * When an activity is due. Day 1 is the care plan's start date; the window is local time
 * in the patient's zone, so 07:00–11:00 stays 07:00–11:00 on both sides of a
 * daylight-saving change.
 *
 * @param kind DAILY, WEEKDAYS (on {@code weekdays}), EVERY_N_DAYS (every
 * {@code intervalDays} from day 1) or RELATIVE_DAYS (on the listed {@code days}, e.g. 1,
 * 7, 14, 30, 90)
 * @param durationDays how many days from the start it runs; null until the care plan ends
 */
public record Schedule(Kind kind, LocalTime windowStart, LocalTime windowEnd, Set<DayOfWeek> weekdays,
		Integer intervalDays, List<Integer> days, Integer durationDays) {

	public enum Kind {

		DAILY, WEEKDAYS, EVERY_N_DAYS, RELATIVE_DAYS

	}

	public Schedule {
		// in week order, always: Set.copyOf iterates in an order that differs from JVM to
		// JVM,
		// which reordered a stored definition on every save
		weekdays = (weekdays != null && !weekdays.isEmpty())
				? java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(weekdays)) : Set.of();
		days = (days != null) ? List.copyOf(days) : List.of();
	}

	/**
	 * Whether the activity falls on {@code day} for a plan that started on {@code start}.
	 */
	public boolean occursOn(LocalDate start, LocalDate day) {
		if (day.isBefore(start)) {
			return false;
		}
		long dayNumber = ChronoUnit.DAYS.between(start, day) + 1;
		if (this.durationDays != null && dayNumber > this.durationDays) {
			return false;
		}
		return switch (this.kind) {
			case DAILY -> true;
			case WEEKDAYS -> this.weekdays.contains(day.getDayOfWeek());
			case EVERY_N_DAYS -> (dayNumber - 1) % this.intervalDays == 0;
			case RELATIVE_DAYS -> this.days.contains((int) dayNumber);
		};
	}

	/**
	 * The window on {@code day} as instants; a window start in a DST gap moves forward.
	 */
	public Window window(LocalDate day, ZoneId zone) {
		return new Window(ZonedDateTime.of(day, this.windowStart, zone).toInstant(),
				ZonedDateTime.of(day, this.windowEnd, zone).toInstant());
	}

	public record Window(Instant start, Instant end) {
	}

}
