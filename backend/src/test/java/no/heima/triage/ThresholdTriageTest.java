package no.heima.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.pathway.Threshold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each bound at, just below and just above it; a bound is the first value of its band.
 */
class ThresholdTriageTest {

	private static final Threshold SYSTOLIC = new Threshold("8480-6", new BigDecimal("90"), new BigDecimal("100"),
			new BigDecimal("140"), new BigDecimal("180"));

	private static final RuleVersion RULES = new RuleVersion(UUID.randomUUID(), 3, UUID.randomUUID(), 7);

	@ParameterizedTest(name = "systolic {0} -> {1} ({2})")
	@CsvSource({ "89.9, RED, redLow", "90, RED, redLow", "90.1, YELLOW, yellowLow", "99.9, YELLOW, yellowLow",
			"100, YELLOW, yellowLow", "100.1, GREEN, ''", "120, GREEN, ''", "139.9, GREEN, ''",
			"140, YELLOW, yellowHigh", "140.1, YELLOW, yellowHigh", "179.9, YELLOW, yellowHigh", "180, RED, redHigh",
			"180.1, RED, redHigh", "300, RED, redHigh" })
	void pathwayBounds(BigDecimal value, Level expected, String bound) {
		Assessment result = ThresholdTriage.assess(Map.of("8480-6", value), List.of(SYSTOLIC), List.of(), RULES);

		assertThat(result.level()).isEqualTo(expected);
		assertThat(result.assessed()).isTrue();
		assertThat(result.rules()).isEqualTo(RULES);
		if (expected == Level.GREEN) {
			assertThat(result.reasons()).isEmpty();
		}
		else {
			assertThat(result.reasons()).singleElement().satisfies((r) -> {
				assertThat(r.bound()).isEqualTo(bound);
				assertThat(r.value()).isEqualByComparingTo(value);
				assertThat(r.source()).isEqualTo(Reason.Source.PATHWAY);
			});
		}
	}

	@ParameterizedTest(name = "systolic {0} with personal yellow-high 160 -> {1}")
	@CsvSource({ "150, GREEN", "159.9, GREEN", "160, YELLOW", "185, YELLOW", "200, RED" })
	void personalBoundsWinOverThePathways(BigDecimal value, Level expected) {
		Threshold personal = new Threshold("8480-6", null, null, new BigDecimal("160"), new BigDecimal("200"));

		Assessment result = ThresholdTriage.assess(Map.of("8480-6", value), List.of(SYSTOLIC), List.of(personal),
				RULES);

		assertThat(result.level()).isEqualTo(expected);
		result.reasons().forEach((r) -> assertThat(r.source()).isEqualTo(Reason.Source.PERSONAL));
	}

	@Test
	void theWorstComponentDecidesAndEveryReasonIsKept() {
		Threshold diastolic = new Threshold("8462-4", null, null, new BigDecimal("90"), new BigDecimal("110"));

		Assessment result = ThresholdTriage.assess(
				Map.of("8480-6", new BigDecimal("150"), "8462-4", new BigDecimal("112")), List.of(SYSTOLIC, diastolic),
				List.of(), RULES);

		assertThat(result.level()).isEqualTo(Level.RED);
		assertThat(result.reasons()).extracting(Reason::code).containsExactlyInAnyOrder("8480-6", "8462-4");
	}

	@Test
	void valuesWithoutBoundsAreNotAssessed() {
		Assessment result = ThresholdTriage.assess(Map.of("29463-7", new BigDecimal("80")), List.of(SYSTOLIC),
				List.of(), RULES);

		assertThat(result.assessed()).isFalse();
		assertThat(result.level()).isEqualTo(Level.GREEN);
	}

}
