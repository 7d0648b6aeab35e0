package no.heima.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.heima.pathway.TrendRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Weight up 2 kg within 3 days: at, just below and just above the amount, and at the
 * window's edge.
 */
class TrendTriageTest {

	private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

	private static final TrendRule GAIN = new TrendRule("29463-7", 3, new BigDecimal("2"), null, "YELLOW");

	private static final TrendRule LOSS = new TrendRule("29463-7", 3, null, new BigDecimal("3"), "RED");

	@ParameterizedTest(name = "{0} kg now, lowest {1} kg {2} h ago -> {3}")
	@CsvSource({ "82.0, 80.0, 48, YELLOW", // exactly +2.0
			"81.9, 80.0, 48, GREEN", // just below
			"82.1, 80.0, 48, YELLOW", // just above
			"82.5, 80.0, 72, YELLOW", // at the window's edge: counts
			"82.5, 80.0, 73, GREEN", // just outside the window
			"82.5, 83.0, 24, GREEN" // no rise at all
	})
	void riseWithinTheWindow(BigDecimal now, BigDecimal earlier, long hoursAgo, String expected) {
		List<Reason> reasons = TrendTriage.assess(Map.of("29463-7", now), NOW,
				Map.of("29463-7", List.of(new TrendTriage.Point(NOW.minus(Duration.ofHours(hoursAgo)), earlier),
						new TrendTriage.Point(NOW.minus(Duration.ofHours(1)), now.subtract(new BigDecimal("0.1"))))),
				List.of(GAIN));

		if (expected.equals("GREEN")) {
			assertThat(reasons).isEmpty();
		}
		else {
			assertThat(reasons).singleElement().satisfies((r) -> {
				assertThat(r.level()).isEqualTo(Level.valueOf(expected));
				assertThat(r.bound()).isEqualTo("rise3d");
				assertThat(r.boundValue()).isEqualByComparingTo(earlier);
			});
		}
	}

	@ParameterizedTest(name = "{0} kg now, highest {1} kg -> {2}")
	@CsvSource({ "77.0, 80.0, RED", "77.1, 80.0, GREEN", "76.0, 80.0, RED" })
	void fallFromTheHighest(BigDecimal now, BigDecimal highest, String expected) {
		List<Reason> reasons = TrendTriage.assess(Map.of("29463-7", now), NOW,
				Map.of("29463-7", List.of(new TrendTriage.Point(NOW.minus(Duration.ofDays(2)), highest))),
				List.of(LOSS));

		assertThat(reasons.isEmpty() ? "GREEN" : reasons.get(0).level().name()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "no earlier values: nothing to compare ({0})")
	@CsvSource({ "90" })
	void noHistoryNoTrend(BigDecimal now) {
		assertThat(TrendTriage.assess(Map.of("29463-7", now), NOW, Map.of(), List.of(GAIN, LOSS))).isEmpty();
	}

}
