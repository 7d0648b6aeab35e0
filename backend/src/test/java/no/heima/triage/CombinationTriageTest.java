package no.heima.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.heima.pathway.CombinationRule;
import no.heima.pathway.CombinationRule.Condition;
import org.junit.jupiter.api.Test;

class CombinationTriageTest {

	private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

	private static final CombinationRule FLUID_AND_BREATH = new CombinationRule("fluid-and-breath",
			List.of(new Condition("weight", "29463-7", null), new Condition("symptoms", "hf-more-breathless", null)), 3,
			"RED", null);

	private static Reason reason(String code, Level level, String bound) {
		return new Reason(code, BigDecimal.ONE, level, bound, null, Reason.Source.PATHWAY);
	}

	private static CombinationTriage.Signal weightRise(Instant at) {
		return new CombinationTriage.Signal("weight", at, List.of(reason("29463-7", Level.YELLOW, "rise3d")));
	}

	private static CombinationTriage.Signal breathless(Instant at) {
		return new CombinationTriage.Signal("symptoms", at,
				List.of(reason("hf-more-breathless", Level.YELLOW, "answer")));
	}

	@Test
	void firesWhenTheOtherSignalCameWithinTheWindow() {
		List<Reason> fired = CombinationTriage.assess(List.of(FLUID_AND_BREATH), breathless(NOW),
				List.of(weightRise(NOW.minus(Duration.ofDays(2)))));
		assertThat(fired).singleElement().satisfies((r) -> {
			assertThat(r.code()).isEqualTo("fluid-and-breath");
			assertThat(r.level()).isEqualTo(Level.RED);
			assertThat(r.bound()).isEqualTo(CombinationTriage.BOUND);
		});
	}

	@Test
	void doesNotFireOnOneSignalAloneOrOutsideTheWindow() {
		assertThat(CombinationTriage.assess(List.of(FLUID_AND_BREATH), breathless(NOW), List.of())).isEmpty();
		assertThat(CombinationTriage.assess(List.of(FLUID_AND_BREATH), breathless(NOW),
				List.of(weightRise(NOW.minus(Duration.ofDays(3)).minusSeconds(1)))))
			.isEmpty();
		// a later signal is not "earlier"
		assertThat(CombinationTriage.assess(List.of(FLUID_AND_BREATH), breathless(NOW),
				List.of(weightRise(NOW.plusSeconds(60)))))
			.isEmpty();
		// the window's edge counts
		assertThat(CombinationTriage.assess(List.of(FLUID_AND_BREATH), breathless(NOW),
				List.of(weightRise(NOW.minus(Duration.ofDays(3))))))
			.hasSize(1);
	}

	@Test
	void aSubmissionThatMeetsNoConditionDoesNotFireIt() {
		CombinationTriage.Signal quiet = new CombinationTriage.Signal("symptoms", NOW, List.of());
		assertThat(CombinationTriage.assess(List.of(FLUID_AND_BREATH), quiet,
				List.of(weightRise(NOW.minusSeconds(10)), breathless(NOW.minusSeconds(5)))))
			.isEmpty();
	}

	@Test
	void theLevelAndCodeOfAConditionMustBeMet() {
		CombinationRule redWeight = new CombinationRule("red-weight",
				List.of(new Condition("weight", null, "RED"), new Condition("symptoms", null, null)), 3, "RED", null);
		assertThat(CombinationTriage.assess(List.of(redWeight), breathless(NOW),
				List.of(weightRise(NOW.minusSeconds(10)))))
			.isEmpty();
		CombinationTriage.Signal redRise = new CombinationTriage.Signal("weight", NOW.minusSeconds(10),
				List.of(reason("29463-7", Level.RED, "rise3d")));
		assertThat(CombinationTriage.assess(List.of(redWeight), breathless(NOW), List.of(redRise))).hasSize(1);
		CombinationTriage.Signal otherAnswer = new CombinationTriage.Signal("symptoms", NOW,
				List.of(reason("hf-swelling", Level.YELLOW, "answer")));
		assertThat(CombinationTriage.assess(List.of(FLUID_AND_BREATH), otherAnswer,
				List.of(weightRise(NOW.minusSeconds(10)))))
			.isEmpty();
	}

	@Test
	void applyRaisesTheLevelAndKeepsTheOtherReasons() {
		Assessment yellow = new Assessment(Level.YELLOW, List.of(reason("hf-more-breathless", Level.YELLOW, "answer")),
				true, null);
		Assessment combined = CombinationTriage.apply(yellow, List.of(FLUID_AND_BREATH), "symptoms", NOW,
				List.of(weightRise(NOW.minus(Duration.ofHours(20)))));
		assertThat(combined.level()).isEqualTo(Level.RED);
		assertThat(combined.reasons()).extracting(Reason::code)
			.containsExactly("hf-more-breathless", "fluid-and-breath");
		assertThat(CombinationTriage.apply(yellow, List.of(), "symptoms", NOW, List.of())).isSameAs(yellow);
	}

}
