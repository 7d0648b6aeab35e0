package no.heima.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {

	private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	private static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday

	private static final LocalTime SEVEN = LocalTime.of(7, 0);

	private static final LocalTime ELEVEN = LocalTime.of(11, 0);

	@ParameterizedTest(name = "{0}: 07:00-11:00 Oslo is {1} to {2}")
	@CsvSource({ "2026-03-28, 2026-03-28T06:00:00Z, 2026-03-28T10:00:00Z", // CET, the day
																			// before
																			// summer time
			"2026-03-29, 2026-03-29T05:00:00Z, 2026-03-29T09:00:00Z", // summer time
																		// starts 02:00 ->
																		// 03:00
			"2026-03-30, 2026-03-30T05:00:00Z, 2026-03-30T09:00:00Z",
			"2026-10-24, 2026-10-24T05:00:00Z, 2026-10-24T09:00:00Z", // CEST, the day
																		// before winter
																		// time
			"2026-10-25, 2026-10-25T06:00:00Z, 2026-10-25T10:00:00Z", // winter time
																		// starts 03:00 ->
																		// 02:00
			"2027-03-28, 2027-03-28T05:00:00Z, 2027-03-28T09:00:00Z",
			"2027-10-31, 2027-10-31T06:00:00Z, 2027-10-31T10:00:00Z" })
	void windowIsLocalTimeOnBothSidesOfDaylightSavingChanges(LocalDate day, Instant start, Instant end) {
		Schedule daily = schedule(Schedule.Kind.DAILY, null, null, null, null);

		Schedule.Window window = daily.window(day, OSLO);

		assertThat(window.start()).isEqualTo(start);
		assertThat(window.end()).isEqualTo(end);
		assertThat(java.time.Duration.between(window.start(), window.end())).hasHours(4);
	}

	@Test
	void windowStartingInTheSpringGapMovesForwardAndTheOverlapTakesTheFirstOccurrence() {
		Schedule night = new Schedule(Schedule.Kind.DAILY, LocalTime.of(2, 30), LocalTime.of(3, 30), null, null, null,
				null);

		// 02:30 does not exist on 2026-03-29: it becomes 03:30 CEST, and the window is
		// empty-sized
		assertThat(night.window(LocalDate.of(2026, 3, 29), OSLO).start())
			.isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		// 02:30 happens twice on 2026-10-25: the first (CEST) one counts
		assertThat(night.window(LocalDate.of(2026, 10, 25), OSLO).start())
			.isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
	}

	@ParameterizedTest(name = "{0} on day {1}: {2}")
	@CsvSource({ "DAILY, 1, true", "DAILY, 400, true", "DAILY, 0, false", // before the
																			// start
			"WEEKDAYS, 1, true", // Monday
			"WEEKDAYS, 2, false", // Tuesday
			"WEEKDAYS, 3, true", // Wednesday
			"WEEKDAYS, 5, true", // Friday
			"WEEKDAYS, 7, false", // Sunday
			"EVERY_3_DAYS, 1, true", "EVERY_3_DAYS, 2, false", "EVERY_3_DAYS, 3, false", "EVERY_3_DAYS, 4, true",
			"EVERY_3_DAYS, 7, true", "RELATIVE, 1, true", "RELATIVE, 2, false", "RELATIVE, 7, true",
			"RELATIVE, 14, true", "RELATIVE, 30, true", "RELATIVE, 31, false", "RELATIVE, 90, true",
			"DAILY_FOR_14, 14, true", "DAILY_FOR_14, 15, false" })
	void occursOn(String kind, int dayNumber, boolean expected) {
		Schedule schedule = switch (kind) {
			case "DAILY" -> schedule(Schedule.Kind.DAILY, null, null, null, null);
			case "WEEKDAYS" -> schedule(Schedule.Kind.WEEKDAYS,
					Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), null, null, null);
			case "EVERY_3_DAYS" -> schedule(Schedule.Kind.EVERY_N_DAYS, null, 3, null, null);
			case "RELATIVE" -> schedule(Schedule.Kind.RELATIVE_DAYS, null, null, List.of(1, 7, 14, 30, 90), null);
			case "DAILY_FOR_14" -> schedule(Schedule.Kind.DAILY, null, null, null, 14);
			default -> throw new IllegalArgumentException(kind);
		};

		assertThat(schedule.occursOn(START, START.plusDays(dayNumber - 1))).isEqualTo(expected);
	}

	private static Schedule schedule(Schedule.Kind kind, Set<DayOfWeek> weekdays, Integer interval, List<Integer> days,
			Integer duration) {
		return new Schedule(kind, SEVEN, ELEVEN, weekdays, interval, days, duration);
	}

}
