package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import no.heima.careplan.CarePlan;
import no.heima.careplan.Task;
import no.heima.pathway.Activity;
import no.heima.pathway.ResponseTimes;
import no.heima.pathway.Schedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With the clock fixed at the scan: a missed task's item is due by the pathway's yellow
 * working days (weekends and Norwegian public holidays from Jollyday skipped, as in
 * {@link DeadlinesTest}), and by the worklist's default (the next working day) when the
 * pathway sets none. The evaluation item follows the same response times.
 */
class MissedTasksDeadlineTest {

	private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	private static final Duration GRACE = Duration.ofHours(2);

	private static final Deadlines DEADLINES = new Deadlines(Duration.ofHours(2), LocalTime.of(16, 0), OSLO,
			Duration.ofHours(4));

	private static final Schedule MORNING = new Schedule(Schedule.Kind.DAILY, LocalTime.of(7, 0), LocalTime.of(11, 0),
			null, null, null, null);

	private static Instant oslo(String local) {
		return ZonedDateTime.of(LocalDateTime.parse(local), OSLO).toInstant();
	}

	@ParameterizedTest(name = "scanned {0}, pathway yellow working days {1} → due {2}")
	@CsvSource({
			// Friday, three working days: Monday, Tuesday, Wednesday
			"2026-12-18T13:00, 3, 2026-12-23T16:00",
			// Friday, no pathway response times: the next working day, Monday
			"2026-12-18T13:00, , 2026-12-21T16:00",
			// 23 December, two working days: the 24th, then (25th, 26th holidays, a
			// Sunday)
			// the 28th
			"2026-12-23T13:00, 2, 2026-12-28T16:00",
			// Wednesday before Easter 2026, one working day: Maundy Thursday to Easter
			// Monday
			// are holidays
			"2026-04-01T13:00, 1, 2026-04-07T16:00" })
	void aMissedTaskIsDueByThePathwaysWorkingDays(String scanned, Integer yellowWorkingDays, String due) {
		Clock clock = Clock.fixed(oslo(scanned), OSLO);
		LocalDate day = LocalDate.ofInstant(clock.instant(), OSLO);
		CarePlan plan = new CarePlan(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, "Hjertesvikt",
				"hjerte", day.minusDays(10), OSLO.getId(), CarePlan.Status.ACTIVE, null, null, List.of(), List.of(), 0,
				clock.instant().minus(Duration.ofDays(10)), day);
		Schedule.Window window = MORNING.window(day, OSLO);
		Task weight = new Task(plan.id(), "weight", Activity.Type.MEASUREMENT, "Vekt", null, null, null, day,
				window.start(), window.end(), Task.State.MISSED, null);
		ResponseTimes times = (yellowWorkingDays != null) ? new ResponseTimes(6, yellowWorkingDays) : null;
		Worklist worklist = new Worklist(null, DEADLINES, clock, null, null, new WorkingDays(), null);

		assertThat(MissedTasks.missing(plan, weight, clock.instant(), GRACE)).isTrue();
		ItemRaised missed = MissedTasks.missedItem(null, plan, weight, times);
		assertThat(missed.level()).isEqualTo("MISSING");
		assertThat(worklist.dueAt(missed, clock.instant())).isEqualTo(oslo(due));
		ItemRaised evaluation = MissedTasks.evaluationItem(null, plan, times);
		assertThat(worklist.dueAt(evaluation, clock.instant())).isEqualTo(oslo(due));
	}

}
