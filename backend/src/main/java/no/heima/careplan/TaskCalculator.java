package no.heima.careplan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.heima.pathway.Activity;
import no.heima.pathway.PublishedPathway;
import no.heima.pathway.Schedule;

/**
 * What a care plan asks on a day, as a pure function of the plan, its pathway version,
 * the day, the time now and what has been done: no clock and no database, so it is
 * table-tested directly.
 */
final class TaskCalculator {

	private TaskCalculator() {
	}

	/**
	 * @param completions completion instants by activity id, for {@code day}
	 */
	static List<Task> tasks(CarePlan plan, PublishedPathway pathway, LocalDate day, Instant now,
			Map<String, Instant> completions) {
		if (!plan.activeOn(day)) {
			return List.of();
		}
		ZoneId zone = ZoneId.of(plan.timeZone());
		List<Task> tasks = new ArrayList<>();
		for (Activity activity : pathway.definition().activities()) {
			Schedule schedule = activity.schedule();
			if (!schedule.occursOn(plan.startDate(), day)) {
				continue;
			}
			Schedule.Window window = schedule.window(day, zone);
			Instant completedAt = completions.get(activity.id());
			tasks.add(new Task(plan.id(), activity.id(), activity.type(), activity.title(), activity.vital(),
					activity.questionnaireUrl(), activity.questionnaireVersion(), day, window.start(), window.end(),
					state(window, now, completedAt), completedAt, activity.titles()));
		}
		tasks.sort((a, b) -> a.windowStart().compareTo(b.windowStart()));
		return tasks;
	}

	private static Task.State state(Schedule.Window window, Instant now, Instant completedAt) {
		if (completedAt != null) {
			return Task.State.DONE;
		}
		if (now.isBefore(window.start())) {
			return Task.State.UPCOMING;
		}
		return now.isBefore(window.end()) ? Task.State.DUE : Task.State.MISSED;
	}

}
