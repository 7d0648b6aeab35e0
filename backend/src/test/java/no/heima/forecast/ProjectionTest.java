package no.heima.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.heima.careplan.CarePlan;
import no.heima.careplan.Pause;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayDefinition;
import no.heima.pathway.PublishedPathway;
import no.heima.pathway.Schedule;
import no.heima.vital.Vital;
import org.junit.jupiter.api.Test;

/**
 * The forecast's arithmetic: tasks come from the plans' schedules (pauses and ends
 * respected), evaluation days add one item each, and rates lean on the prior only while
 * an activity has little history.
 */
class ProjectionTest {

	private static final LocalDate START = LocalDate.of(2026, 12, 7);

	private static final ForecastProperties P = ForecastProperties.defaults();

	@Test
	void countsWhatThePlansScheduleAndTheirEvaluationDays() {
		PublishedPathway pathway = pathway();
		CarePlan daily = plan(pathway, List.of(), null);
		CarePlan paused = plan(pathway, List.of(new Pause(UUID.randomUUID(), START, START.plusDays(1), null, "ferie")),
				START.plusDays(2));
		List<Projection.Planned> plans = List.of(new Projection.Planned(daily, pathway),
				new Projection.Planned(paused, pathway));
		Rate fixed = new Rate(1, 0.2, 0.05, 0.25, Rate.Basis.OBSERVED);

		List<CapacityForecast.Day> days = Projection.days(plans, (k) -> fixed, START, 4, 2, 1.0);

		// weight daily for both (not while paused), blood pressure on Mondays and
		// Thursdays
		assertThat(days).extracting(CapacityForecast.Day::scheduled).containsExactly(2L, 1L, 2L, 4L);
		assertThat(days).extracting(CapacityForecast.Day::evaluations).containsExactly(0L, 0L, 1L, 0L);
		assertThat(days.get(2).expected()).isEqualTo(2 * 0.25 + 1);
		assertThat(days.get(3).perNurse()).isEqualTo(0.5);
		assertThat(days.get(0).low()).isLessThan(days.get(0).expected()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void littleHistoryLeansOnThePriorMuchHistoryOnItself() {
		Observed pool = new Observed(10_000, 8_000, 1_600, 500);
		Rate none = Rate.of(Observed.NONE, pool, true, P);
		assertThat(none.basis()).isEqualTo(Rate.Basis.POOLED);
		assertThat(none.itemsPerTask()).isCloseTo(0.8 * 0.2 + 0.05, org.assertj.core.data.Offset.offset(1e-9));

		Rate much = Rate.of(new Observed(20_000, 10_000, 5_000, 0), pool, true, P);
		assertThat(much.basis()).isEqualTo(Rate.Basis.OBSERVED);
		assertThat(much.itemsPerTask()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.005));

		Rate nothingAnywhere = Rate.of(Observed.NONE, Observed.NONE, true, P);
		assertThat(nothingAnywhere.basis()).isEqualTo(Rate.Basis.DEFAULT);
		assertThat(nothingAnywhere.itemsPerTask()).isCloseTo(0.9 * 0.1 + 0.05,
				org.assertj.core.data.Offset.offset(1e-9));

		assertThat(Rate.of(Observed.NONE, pool, false, P).alertShare()).isZero();
	}

	private static PublishedPathway pathway() {
		Schedule daily = new Schedule(Schedule.Kind.DAILY, LocalTime.of(7, 0), LocalTime.of(11, 0), Set.of(), null,
				null, null);
		Schedule twice = new Schedule(Schedule.Kind.WEEKDAYS, LocalTime.of(7, 0), LocalTime.of(11, 0),
				Set.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.THURSDAY), null, null, null);
		List<Activity> activities = List.of(
				new Activity("weight", Activity.Type.MEASUREMENT, "Vekt", null, null, Vital.BODY_WEIGHT, daily,
						List.of()),
				new Activity("bp", Activity.Type.MEASUREMENT, "Blodtrykk", null, null, Vital.BLOOD_PRESSURE, twice,
						List.of()));
		return new PublishedPathway(UUID.randomUUID(), "hjerte", 1,
				new PathwayDefinition("Hjertesvikt", null, activities, null), null, "test");
	}

	private static CarePlan plan(PublishedPathway pathway, List<Pause> pauses, LocalDate evaluation) {
		return new CarePlan(UUID.randomUUID(), UUID.randomUUID(), pathway.pathwayId(), 1, "Hjertesvikt", "hjerte",
				START.minusDays(10), "Europe/Oslo", CarePlan.Status.ACTIVE, null, null, List.of(), pauses, 1, null,
				evaluation);
	}

}
