package no.heima.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.vital.Vital;
import no.heima.pathway.Activity;
import no.heima.pathway.LocalizedText;
import no.heima.pathway.PathwayDefinition;
import no.heima.pathway.PublishedPathway;
import no.heima.pathway.Schedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Due tasks as a table: days around both DST changes, pauses, the end, and the state at a
 * time.
 */
class TaskCalculatorTest {

	private static final UUID PLAN = UUID.randomUUID();

	private static final LocalDate START = LocalDate.of(2026, 3, 20);

	private static final PublishedPathway PATHWAY = new PublishedPathway(UUID.randomUUID(), "hjerte", 1,
			new PathwayDefinition(
					"Hjertesvikt", new LocalizedText("b", "e"), List.of(
							new Activity("weight", Activity.Type.MEASUREMENT, "Vekt", null, null, Vital.BODY_WEIGHT,
									new Schedule(Schedule.Kind.DAILY, LocalTime.of(7, 0), LocalTime.of(11, 0), null,
											null, null, null),
									List.of()),
							new Activity("symptoms", Activity.Type.QUESTIONNAIRE, "Symptomer", "urn:q", "1", null,
									new Schedule(Schedule.Kind.RELATIVE_DAYS, LocalTime.of(12, 0), LocalTime.of(20, 0),
											null, null, List.of(1, 7, 14), null),
									List.of())),
					null),
			Instant.EPOCH, "admin");

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource(delimiter = '|', value = { //
			"2026-03-19 | none         | ''", // before the start
			"2026-03-20 | none         | weight@06:00Z, symptoms@11:00Z", // day 1: both
																			// (CET)
			"2026-03-26 | none         | weight@06:00Z, symptoms@11:00Z", // day 7
			"2026-03-28 | none         | weight@06:00Z", // CET
			"2026-03-29 | none         | weight@05:00Z", // summer time: still 07:00 local
			"2026-10-24 | none         | weight@05:00Z", // CEST
			"2026-10-25 | none         | weight@06:00Z", // winter time: still 07:00 local
			"2026-03-28 | pause 27-28  | ''", // paused days produce nothing
			"2026-03-29 | pause 27-28  | weight@05:00Z", // the day after the pause
			"2026-03-27 | open pause 27 resumed 28 | ''", "2026-03-28 | open pause 27 resumed 28 | weight@06:00Z", // the
																													// resume
																													// day
																													// has
																													// tasks
																													// again
			"2026-04-10 | open pause 27 | ''", // open-ended pause
			"2026-03-30 | ended 29     | ''", // after the end
			"2026-03-29 | ended 29     | weight@05:00Z" // the end day itself still counts
	})
	void tasksOn(LocalDate day, String situation, String expected) {
		List<Task> tasks = TaskCalculator.tasks(plan(situation), PATHWAY, day, Instant.parse("2026-01-01T00:00:00Z"),
				Map.of());

		String actual = String.join(", ",
				tasks.stream()
					.map((t) -> t.activityId() + "@" + t.windowStart().toString().substring(11, 16) + "Z")
					.toList());
		assertThat(actual).isEqualTo(expected);
	}

	@ParameterizedTest(name = "at {0}: {1}")
	@CsvSource({ "2026-03-28T05:59:59Z, UPCOMING", "2026-03-28T06:00:00Z, DUE", "2026-03-28T09:59:59Z, DUE",
			"2026-03-28T10:00:00Z, MISSED", "2026-03-29T00:00:00Z, MISSED" })
	void stateDependsOnTheWindow(Instant now, Task.State expected) {
		List<Task> tasks = TaskCalculator.tasks(plan("none"), PATHWAY, LocalDate.of(2026, 3, 28), now, Map.of());

		assertThat(tasks).singleElement().extracting(Task::state).isEqualTo(expected);
	}

	@ParameterizedTest(name = "done at {0} stays done")
	@CsvSource({ "2026-03-28T07:00:00Z", "2026-03-28T23:00:00Z" })
	void aCompletedTaskIsDoneWhateverTheTime(Instant now) {
		Instant done = Instant.parse("2026-03-28T06:30:00Z");
		List<Task> tasks = TaskCalculator.tasks(plan("none"), PATHWAY, LocalDate.of(2026, 3, 28), now,
				Map.of("weight", done));

		assertThat(tasks).singleElement().satisfies((t) -> {
			assertThat(t.state()).isEqualTo(Task.State.DONE);
			assertThat(t.completedAt()).isEqualTo(done);
		});
	}

	private static CarePlan plan(String situation) {
		List<Pause> pauses = switch (situation) {
			case "pause 27-28" -> List.of(pause("2026-03-27", "2026-03-28", null));
			case "open pause 27 resumed 28" -> List.of(pause("2026-03-27", null, "2026-03-28"));
			case "open pause 27" -> List.of(pause("2026-03-27", null, null));
			default -> List.of();
		};
		LocalDate end = situation.equals("ended 29") ? LocalDate.of(2026, 3, 29) : null;
		return new CarePlan(PLAN, UUID.randomUUID(), PATHWAY.pathwayId(), 1, "Hjertesvikt", "hjerte", START,
				"Europe/Oslo", (end != null) ? CarePlan.Status.ENDED : CarePlan.Status.ACTIVE, end, null, List.of(),
				pauses, 0, Instant.EPOCH);
	}

	private static Pause pause(String from, String until, String resumed) {
		return new Pause(UUID.randomUUID(), LocalDate.parse(from), (until != null) ? LocalDate.parse(until) : null,
				(resumed != null) ? LocalDate.parse(resumed) : null, "ferie");
	}

}
