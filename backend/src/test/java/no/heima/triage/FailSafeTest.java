package no.heima.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.pathway.Activity;
import no.heima.pathway.AnswerTrigger;
import no.heima.pathway.LocalizedText;
import no.heima.pathway.Schedule;
import no.heima.pathway.Threshold;
import no.heima.pathway.TrendRule;
import no.heima.vital.Vital;
import org.junit.jupiter.api.Test;

/**
 * Every way triage can fail gives "could not assess" (at least yellow, with the reason,
 * counted), never a quiet green; only a deliberate collect-only activity is quiet.
 */
class FailSafeTest {

	private static final RuleVersion RULES = new RuleVersion(UUID.randomUUID(), 1, UUID.randomUUID(), 0);

	private static final Schedule DAILY = new Schedule(Schedule.Kind.DAILY, LocalTime.of(7, 0), LocalTime.of(11, 0),
			null, null, null, null);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final FailSafe failSafe = new FailSafe(this.meters);

	@Test
	void anExceptionFromATriageStepIsCouldNotAssess() {
		Assessment result = this.failSafe.assess(RULES, weight(List.of(bounds())), List.of(), () -> {
			throw new IllegalStateException("boom");
		});

		assertCouldNotAssess(result, CouldNotAssess.Cause.ERROR);
		assertThat(result.couldNotAssess().detail()).contains("IllegalStateException").contains("boom");
		assertThat(count(CouldNotAssess.Cause.ERROR)).isEqualTo(1);
	}

	@Test
	void anUpstreamFailureIsCouldNotAssessAndARedPartStaysRed() {
		Assessment red = new Assessment(Level.RED, List
			.of(new Reason("29463-7", BigDecimal.TEN, Level.RED, "redHigh", BigDecimal.ONE, Reason.Source.PATHWAY)),
				true, RULES);

		Assessment result = this.failSafe.assess(RULES, weight(List.of(bounds())),
				List.of(new CouldNotAssess(CouldNotAssess.Cause.UNIT, "x could not be converted")), () -> red);

		assertThat(result.couldNotAssess().cause()).isEqualTo(CouldNotAssess.Cause.UNIT);
		assertThat(result.level()).isEqualTo(Level.RED);
		assertThat(result.reasons()).hasSize(1);
		assertThat(result.needsClinician()).isTrue();
		assertThat(count(CouldNotAssess.Cause.UNIT)).isEqualTo(1);
	}

	@Test
	void noRuleAppliedWithoutCollectOnlyIsCouldNotAssess() {
		Assessment result = this.failSafe.assess(RULES, weight(List.of()), List.of(),
				() -> new Assessment(Level.GREEN, List.of(), false, RULES));

		assertCouldNotAssess(result, CouldNotAssess.Cause.NO_RULE);
	}

	@Test
	void aSubmissionThatAnswersNoActivityIsCouldNotAssess() {
		Assessment result = this.failSafe.assess(RULES, null, List.of(),
				() -> new Assessment(Level.GREEN, List.of(), false, RULES));

		assertCouldNotAssess(result, CouldNotAssess.Cause.NO_RULE);
	}

	@Test
	void anUnreadableStoredRuleIsCouldNotAssessBeforeAnyStepRuns() {
		Activity activity = new Activity("q", Activity.Type.QUESTIONNAIRE, "Q", "urn:q", "1", null, DAILY, List.of(),
				List.of(), List.of(new AnswerTrigger("q1", BigDecimal.ONE, List.of(), "PURPLE")));

		Assessment result = this.failSafe.assess(RULES, activity, List.of(), () -> {
			throw new AssertionError("a step must not run on an unreadable rule");
		});

		assertCouldNotAssess(result, CouldNotAssess.Cause.RULE);
		assertThat(result.couldNotAssess().detail()).contains("PURPLE");
	}

	@Test
	void aTrendWithoutALevelIsUnreadable() {
		Activity activity = new Activity("w", Activity.Type.MEASUREMENT, "Vekt", null, null, Vital.BODY_WEIGHT, DAILY,
				List.of(), List.of(new TrendRule("29463-7", 3, BigDecimal.valueOf(2), null, null)), List.of());

		assertThat(FailSafe.unreadableRules(activity)).hasSize(1);
	}

	@Test
	void collectOnlyIsQuietAndSaysSo() {
		Activity collectOnly = new Activity("w", Activity.Type.MEASUREMENT, "Vekt", null, null, Vital.BODY_WEIGHT,
				DAILY, List.of(), List.of(), List.of(), true, new LocalizedText("Bare til samtalen", "For the talk"));

		Assessment result = this.failSafe.assess(RULES, collectOnly, List.of(),
				() -> new Assessment(Level.GREEN, List.of(), false, RULES));

		assertThat(result.collectOnly()).isTrue();
		assertThat(result.couldNotAssess()).isNull();
		assertThat(result.needsClinician()).isFalse();
	}

	@Test
	void aBoundedScoreTheScoringDidNotProduceIsMissing() {
		Activity activity = new Activity("phq", Activity.Type.QUESTIONNAIRE, "PHQ-9", "urn:q", "1", null, DAILY,
				List.of(new Threshold("phq9-total", null, null, BigDecimal.TEN, BigDecimal.valueOf(20))));

		assertThat(FailSafe.missingScores(activity, Map.of())).singleElement()
			.satisfies((c) -> assertThat(c.cause()).isEqualTo(CouldNotAssess.Cause.SCORING));
		assertThat(FailSafe.missingScores(activity, Map.of("phq9-total", BigDecimal.ONE))).isEmpty();
	}

	@Test
	void aCleanAssessmentPassesThrough() {
		Assessment green = new Assessment(Level.GREEN, List.of(), true, RULES);

		assertThat(this.failSafe.assess(RULES, weight(List.of(bounds())), List.of(), () -> green)).isEqualTo(green);
		assertThat(this.meters.find(FailSafe.METRIC).counters()).allSatisfy((c) -> assertThat(c.count()).isZero());
	}

	private void assertCouldNotAssess(Assessment result, CouldNotAssess.Cause cause) {
		assertThat(result.couldNotAssess()).isNotNull();
		assertThat(result.couldNotAssess().cause()).isEqualTo(cause);
		assertThat(result.level().ordinal()).isGreaterThanOrEqualTo(Level.YELLOW.ordinal());
		assertThat(result.needsClinician()).isTrue();
		assertThat(result.assessed()).isFalse();
		assertThat(count(cause)).isEqualTo(1);
	}

	private double count(CouldNotAssess.Cause cause) {
		return this.meters.get(FailSafe.METRIC).tag("cause", cause.name()).counter().count();
	}

	private static Activity weight(List<Threshold> thresholds) {
		return new Activity("weight", Activity.Type.MEASUREMENT, "Vekt", null, null, Vital.BODY_WEIGHT, DAILY,
				thresholds);
	}

	private static Threshold bounds() {
		return new Threshold("29463-7", null, null, BigDecimal.valueOf(100), BigDecimal.valueOf(120));
	}

}
