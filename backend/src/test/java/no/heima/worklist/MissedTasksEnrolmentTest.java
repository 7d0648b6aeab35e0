package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import no.heima.careplan.CarePlan;
import no.heima.careplan.Pause;
import no.heima.careplan.Task;
import no.heima.pathway.Activity;
import no.heima.pathway.Schedule;
import org.junit.jupiter.api.Test;

/**
 * With the clock fixed: a patient enrolled at 21:00 gets no missed item for that day's
 * windows that had already closed, but does for the next day's; a window on a paused day
 * raises nothing.
 */
class MissedTasksEnrolmentTest {

	private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	private static final Duration GRACE = Duration.ofHours(2);

	private static final Schedule MORNING = new Schedule(Schedule.Kind.DAILY, LocalTime.of(7, 0), LocalTime.of(11, 0),
			null, null, null, null);

	private static Instant at(LocalDate day, int hour) {
		return ZonedDateTime.of(day, LocalTime.of(hour, 0), OSLO).toInstant();
	}

	private static CarePlan plan(Instant createdAt, List<Pause> pauses) {
		return new CarePlan(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, "Hjertesvikt", "hjerte", DAY,
				OSLO.getId(), CarePlan.Status.ACTIVE, null, null, List.of(), pauses, 0, createdAt);
	}

	/** The morning weight on {@code day}, not done, as the task calculator makes it. */
	private static Task morningWeight(CarePlan plan, LocalDate day) {
		Schedule.Window window = MORNING.window(day, OSLO);
		return new Task(plan.id(), "weight", Activity.Type.MEASUREMENT, "Vekt", null, null, null, day, window.start(),
				window.end(), Task.State.MISSED, null);
	}

	@Test
	void enrolledAtNineInTheEveningMissesNothingOfThatDay() {
		CarePlan plan = plan(at(DAY, 21), List.of());
		Instant nextMorningAtOne = at(DAY.plusDays(1), 13);

		assertThat(MissedTasks.missing(plan, morningWeight(plan, DAY), nextMorningAtOne, GRACE)).isFalse();
		assertThat(MissedTasks.missing(plan, morningWeight(plan, DAY.plusDays(1)), nextMorningAtOne, GRACE)).isTrue();
	}

	@Test
	void enrolledBeforeTheWindowClosedMissesIt() {
		CarePlan plan = plan(at(DAY, 9), List.of());

		assertThat(MissedTasks.missing(plan, morningWeight(plan, DAY), at(DAY, 13), GRACE)).isTrue();
	}

	@Test
	void aPausedDayRaisesNothing() {
		CarePlan plan = plan(at(DAY.minusDays(5), 9), List.of(new Pause(UUID.randomUUID(), DAY, DAY, null, "Innlagt")));

		assertThat(MissedTasks.missing(plan, morningWeight(plan, DAY), at(DAY.plusDays(1), 13), GRACE)).isFalse();
		assertThat(MissedTasks.missing(plan, morningWeight(plan, DAY.plusDays(1)), at(DAY.plusDays(1), 13), GRACE))
			.isTrue();
	}

}
