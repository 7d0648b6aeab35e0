package no.heima.pathway;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The days of a pathway's first weeks on which something is due, for the admin's preview.
 */
public final class SchedulePreview {

	public record Day(LocalDate date, int dayNumber, List<Item> items) {
	}

	public record Item(String activityId, String title, LocalTime windowStart, LocalTime windowEnd) {
	}

	private SchedulePreview() {
	}

	static List<Day> of(PathwayDefinition definition, LocalDate start, int days) {
		List<Day> result = new ArrayList<>();
		for (LocalDate day = start; day.isBefore(start.plusDays(days)); day = day.plusDays(1)) {
			List<Item> items = new ArrayList<>();
			for (Activity activity : definition.activities()) {
				if (activity.schedule().occursOn(start, day)) {
					items.add(new Item(activity.id(), activity.title(), activity.schedule().windowStart(),
							activity.schedule().windowEnd()));
				}
			}
			if (!items.isEmpty()) {
				result.add(new Day(day, (int) ChronoUnit.DAYS.between(start, day) + 1, items));
			}
		}
		return result;
	}

}
