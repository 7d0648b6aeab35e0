package no.heima.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import no.heima.careplan.CarePlan;
import no.heima.careplan.Schedules;
import no.heima.careplan.Task;
import no.heima.pathway.PublishedPathway;

/**
 * The arithmetic of the forecast, free of the database: tasks counted with the plans' own
 * schedule computation, times each activity's expected items per task, plus one item per
 * evaluation day.
 */
final class Projection {

	/** An open plan with the pathway version it follows. */
	record Planned(CarePlan plan, PublishedPathway pathway) {
	}

	/** A pathway's activity (across its versions). */
	record Key(UUID pathwayId, String activityId) {
	}

	/** The interval's z for 90 %. */
	private static final double Z = 1.645;

	private Projection() {
	}

	/** Tasks scheduled from {@code from} (inclusive) to {@code to} (exclusive). */
	static Map<Key, Long> scheduled(List<Planned> plans, LocalDate from, LocalDate to) {
		Map<Key, Long> counts = new HashMap<>();
		for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
			for (Planned p : plans) {
				for (Task task : Schedules.scheduledOn(p.plan(), p.pathway(), day)) {
					counts.merge(new Key(p.plan().pathwayId(), task.activityId()), 1L, Long::sum);
				}
			}
		}
		return counts;
	}

	static List<CapacityForecast.Day> days(List<Planned> plans, Function<Key, Rate> rates, LocalDate start, int days,
			int nurses, double dhoNurses) {
		List<CapacityForecast.Day> result = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			LocalDate day = start.plusDays(i);
			long scheduled = 0;
			long evaluations = 0;
			double expected = 0;
			for (Planned p : plans) {
				for (Task task : Schedules.scheduledOn(p.plan(), p.pathway(), day)) {
					scheduled++;
					expected += rates.apply(new Key(p.plan().pathwayId(), task.activityId())).itemsPerTask();
				}
				if (day.equals(p.plan().evaluationDate()) && p.plan().status() != CarePlan.Status.ENDED) {
					evaluations++;
					expected += 1;
				}
			}
			double spread = Z * Math.sqrt(expected);
			result.add(new CapacityForecast.Day(day, scheduled, evaluations, round(expected),
					round(Math.max(0, expected - spread)), round(expected + spread),
					(nurses > 0) ? round(expected / nurses) : null,
					(dhoNurses > 0) ? round(expected / dhoNurses) : null));
		}
		return result;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
