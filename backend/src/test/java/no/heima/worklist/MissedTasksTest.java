package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import no.heima.careplan.Task;
import no.heima.pathway.Activity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A missed task becomes an item at the end of its window plus the grace, not a second
 * before.
 */
class MissedTasksTest {

	private static final Instant WINDOW_END = Instant.parse("2026-11-20T10:00:00Z");

	@ParameterizedTest(name = "{0} at {1}: missing {2}")
	@CsvSource({ "MISSED, 2026-11-20T11:59:59Z, false", "MISSED, 2026-11-20T12:00:00Z, true",
			"MISSED, 2026-11-20T12:00:01Z, true", "DONE, 2026-11-21T12:00:00Z, false",
			"DUE, 2026-11-20T09:00:00Z, false" })
	void atTheGraceBoundary(Task.State state, Instant now, boolean expected) {
		Task task = new Task(UUID.randomUUID(), "weight", Activity.Type.MEASUREMENT, "Vekt", null, null, null,
				LocalDate.of(2026, 11, 20), WINDOW_END.minus(Duration.ofHours(4)), WINDOW_END, state, null);

		assertThat(MissedTasks.missing(task, now, Duration.ofHours(2))).isEqualTo(expected);
	}

}
