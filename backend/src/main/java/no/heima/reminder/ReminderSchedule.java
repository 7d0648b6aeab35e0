package no.heima.reminder;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import no.heima.careplan.CarePlan;
import no.heima.careplan.Task;

/**
 * When a task's reminders fall. A reminder that would fall in quiet hours moves to the
 * end of them if the window is still open then, else it is dropped: a reminder after the
 * window closed would ask for what can no longer be done.
 */
public final class ReminderSchedule {

	/** Which reminder of a task. */
	public enum Kind {

		OPENS, CLOSING

	}

	/** One reminder: the task (plan, activity, day) and when it is due. */
	public record Due(Kind kind, Instant at) {
	}

	private ReminderSchedule() {
	}

	/** The reminders of {@code task}, none when it needs none. */
	public static List<Due> of(CarePlan plan, Task task, ReminderPreferences preferences) {
		List<Due> due = new ArrayList<>();
		if (preferences.channels().isEmpty() || task.state() == Task.State.DONE
				|| plan.status() == CarePlan.Status.ENDED || !plan.activeOn(task.date())) {
			return due;
		}
		ZoneId zone = ZoneId.of(plan.timeZone());
		if (preferences.atOpening()) {
			outsideQuietHours(task.windowStart(), task, zone, preferences)
				.ifPresent((at) -> due.add(new Due(Kind.OPENS, at)));
		}
		if (preferences.beforeClosing() != null) {
			Instant closing = task.windowEnd().minus(preferences.beforeClosing());
			if (closing.isAfter(task.windowStart())) {
				outsideQuietHours(closing, task, zone, preferences)
					.ifPresent((at) -> due.add(new Due(Kind.CLOSING, at)));
			}
		}
		return due;
	}

	private static java.util.Optional<Instant> outsideQuietHours(Instant at, Task task, ZoneId zone,
			ReminderPreferences preferences) {
		ZonedDateTime local = at.atZone(zone);
		if (!preferences.quiet(local.toLocalTime())) {
			return java.util.Optional.of(at);
		}
		ZonedDateTime end = local.with(preferences.quietUntil());
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		Instant moved = end.toInstant();
		return moved.isBefore(task.windowEnd()) ? java.util.Optional.of(moved) : java.util.Optional.empty();
	}

}
