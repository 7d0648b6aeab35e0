package no.heima.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.heima.careplan.CarePlan;
import no.heima.careplan.Pause;
import no.heima.careplan.Task;
import no.heima.pathway.Activity;
import org.junit.jupiter.api.Test;

/** When reminders fall, in the patient's zone (Oslo, UTC+1 in December). */
class ReminderScheduleTest {

	static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	static final LocalDate DAY = LocalDate.of(2026, 12, 2);

	static Instant oslo(int hour, int minute) {
		return DAY.atTime(hour, minute).atZone(OSLO).toInstant();
	}

	static CarePlan plan(CarePlan.Status status, LocalDate end, List<Pause> pauses) {
		return new CarePlan(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, "Hjertesvikt", "hjerte",
				DAY.minusDays(10), "Europe/Oslo", status, end, null, List.of(), pauses, 0,
				oslo(0, 0).minusSeconds(864000));
	}

	static Task task(Instant start, Instant end, Task.State state) {
		return new Task(UUID.randomUUID(), "weight", Activity.Type.MEASUREMENT, "Vekt", null, null, null, DAY, start,
				end, state, null);
	}

	static final ReminderPreferences EMAIL = ReminderPreferences.defaults();

	@Test
	void remindsWhenTheWindowOpensAndAnHourBeforeItCloses() {
		List<ReminderSchedule.Due> due = ReminderSchedule.of(plan(CarePlan.Status.ACTIVE, null, List.of()),
				task(oslo(8, 0), oslo(12, 0), Task.State.DUE), EMAIL);
		assertThat(due).containsExactly(new ReminderSchedule.Due(ReminderSchedule.Kind.OPENS, oslo(8, 0)),
				new ReminderSchedule.Due(ReminderSchedule.Kind.CLOSING, oslo(11, 0)));
	}

	@Test
	void noneForADoneTaskAPausedDayAnEndedPlanOrNoChannel() {
		Task open = task(oslo(8, 0), oslo(12, 0), Task.State.UPCOMING);
		assertThat(ReminderSchedule.of(plan(CarePlan.Status.ACTIVE, null, List.of()),
				task(oslo(8, 0), oslo(12, 0), Task.State.DONE), EMAIL))
			.isEmpty();
		assertThat(
				ReminderSchedule.of(
						plan(CarePlan.Status.PAUSED, null,
								List.of(new Pause(UUID.randomUUID(), DAY.minusDays(1), null, null, "Innlagt"))),
						open, EMAIL))
			.isEmpty();
		assertThat(ReminderSchedule.of(plan(CarePlan.Status.ENDED, DAY.minusDays(1), List.of()), open, EMAIL))
			.isEmpty();
		assertThat(ReminderSchedule.of(plan(CarePlan.Status.ACTIVE, DAY.minusDays(1), List.of()), open, EMAIL))
			.isEmpty();
		assertThat(ReminderSchedule.of(plan(CarePlan.Status.ACTIVE, null, List.of()), open,
				new ReminderPreferences(Set.of(), true, Duration.ofHours(1), null, null)))
			.isEmpty();
	}

	@Test
	void quietHoursMoveAReminderToTheirEndOrDropItWhenTheWindowHasClosedBy() {
		// window 06:00-07:30, quiet 22:00-07:00: opening moves to 07:00, closing (06:30)
		// too
		List<ReminderSchedule.Due> early = ReminderSchedule.of(plan(CarePlan.Status.ACTIVE, null, List.of()),
				task(oslo(6, 0), oslo(7, 30), Task.State.UPCOMING), EMAIL);
		assertThat(early).extracting(ReminderSchedule.Due::at).containsExactly(oslo(7, 0), oslo(7, 0));
		// window 05:00-06:30: both would fall in quiet hours and the window closes before
		// 07:00
		assertThat(ReminderSchedule.of(plan(CarePlan.Status.ACTIVE, null, List.of()),
				task(oslo(5, 0), oslo(6, 30), Task.State.UPCOMING), EMAIL))
			.isEmpty();
		// quiet hours within one day (13:00-14:00)
		ReminderPreferences lunch = new ReminderPreferences(Set.of(ReminderPreferences.Channel.SMS), true, null,
				LocalTime.of(13, 0), LocalTime.of(14, 0));
		assertThat(ReminderSchedule.of(plan(CarePlan.Status.ACTIVE, null, List.of()),
				task(oslo(13, 30), oslo(18, 0), Task.State.UPCOMING), lunch))
			.containsExactly(new ReminderSchedule.Due(ReminderSchedule.Kind.OPENS, oslo(14, 0)));
	}

}
