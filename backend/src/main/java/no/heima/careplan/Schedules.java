package no.heima.careplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.heima.pathway.PublishedPathway;

/**
 * What a plan schedules on a day, for features that plan ahead (the capacity forecast):
 * the very computation that makes the patient's tasks, with nothing done yet, so there is
 * one schedule engine only.
 */
public final class Schedules {

	private Schedules() {
	}

	/** The plan's tasks on {@code day} (none on paused or ended days). */
	public static List<Task> scheduledOn(CarePlan plan, PublishedPathway pathway, LocalDate day) {
		return TaskCalculator.tasks(plan, pathway, day, Instant.MIN, Map.of());
	}

}
