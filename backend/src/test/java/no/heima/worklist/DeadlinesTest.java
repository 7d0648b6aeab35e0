package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import no.heima.pathway.ResponseTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Yellow items are due at 16:00 on the next working day: weekends and Norwegian public
 * holidays (from Jollyday) are skipped; red items are due two hours after they came in. A
 * pathway's own response times replace either default.
 */
class DeadlinesTest {

	private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	private static final Deadlines DEADLINES = new Deadlines(Duration.ofHours(2), LocalTime.of(16, 0), OSLO,
			Duration.ofHours(4));

	private static final WorkingDays DAYS = new WorkingDays();

	@ParameterizedTest(name = "raised {0} → due {1}")
	@CsvSource({
			// an ordinary Tuesday: Wednesday
			"2026-11-24T09:00, 2026-11-25T16:00",
			// Friday: Monday
			"2026-11-27T21:00, 2026-11-30T16:00",
			// Wednesday before Easter: Maundy Thursday, Good Friday, the weekend and
			// Easter
			// Monday are not working days
			"2026-04-01T10:00, 2026-04-07T16:00",
			// Wednesday 16 May 2029: 17 May is Constitution Day (a Thursday)
			"2029-05-16T10:00, 2029-05-18T16:00",
			// 23 December 2026 (Wednesday): 24th is a working day
			"2026-12-23T10:00, 2026-12-24T16:00",
			// 24 December 2026 (Thursday): 25th and 26th are holidays, then a Sunday
			"2026-12-24T10:00, 2026-12-28T16:00",
			// Wednesday before Ascension Day (14 May 2026)
			"2026-05-13T12:00, 2026-05-15T16:00" })
	void yellowIsDueAtTheEndOfTheNextWorkingDay(String raised, String due) {
		Instant at = ZonedDateTime.of(java.time.LocalDateTime.parse(raised), OSLO).toInstant();
		assertThat(DEADLINES.dueAt("YELLOW", at, DAYS))
			.isEqualTo(ZonedDateTime.of(java.time.LocalDateTime.parse(due), OSLO).toInstant());
	}

	@ParameterizedTest
	@CsvSource({ "2026-04-02T10:00", "2026-11-24T23:30" })
	void redIsDueTwoHoursLaterWhateverTheDay(String raised) {
		Instant at = ZonedDateTime.of(java.time.LocalDateTime.parse(raised), OSLO).toInstant();
		assertThat(DEADLINES.dueAt("RED", at, DAYS)).isEqualTo(at.plus(Duration.ofHours(2)));
	}

	@ParameterizedTest(name = "raised {0}, {1} working days → due {2}")
	@CsvSource({
			// Tuesday, two working days: Thursday
			"2026-11-24T09:00, 2, 2026-11-26T16:00",
			// Thursday, two working days: Friday, then Monday
			"2026-11-26T09:00, 2, 2026-11-30T16:00",
			// 23 December 2026, three working days: 24th, then 28th and 29th
			"2026-12-23T10:00, 3, 2026-12-29T16:00" })
	void aPathwayMayGiveYellowMoreWorkingDays(String raised, int workingDays, String due) {
		Instant at = ZonedDateTime.of(java.time.LocalDateTime.parse(raised), OSLO).toInstant();
		ResponseTimes pathway = new ResponseTimes(null, workingDays);
		assertThat(DEADLINES.dueAt("YELLOW", at, DAYS, pathway))
			.isEqualTo(ZonedDateTime.of(java.time.LocalDateTime.parse(due), OSLO).toInstant());
		assertThat(DEADLINES.dueAt("MISSING", at, DAYS, pathway))
			.isEqualTo(DEADLINES.dueAt("YELLOW", at, DAYS, pathway));
		// red keeps the default when the pathway gives no red hours
		assertThat(DEADLINES.dueAt("RED", at, DAYS, pathway)).isEqualTo(at.plus(Duration.ofHours(2)));
	}

	@Test
	void aPathwayMayGiveRedItsOwnHours() {
		Instant at = ZonedDateTime.of(2026, 11, 24, 23, 30, 0, 0, OSLO).toInstant();
		ResponseTimes pathway = new ResponseTimes(6, null);
		assertThat(DEADLINES.dueAt("RED", at, DAYS, pathway)).isEqualTo(at.plus(Duration.ofHours(6)));
		// yellow keeps the next working day
		assertThat(DEADLINES.dueAt("YELLOW", at, DAYS, pathway)).isEqualTo(DEADLINES.dueAt("YELLOW", at, DAYS));
		// a message is not a triage level: the pathway's red hours do not apply
		assertThat(DEADLINES.dueAt("MESSAGE", at, DAYS, pathway)).isEqualTo(at.plus(Duration.ofHours(4)));
	}

}
