package no.heima.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import no.heima.careplan.CarePlan;
import no.heima.careplan.PersonalThreshold;
import no.heima.measurement.EnteredValue;
import no.heima.measurement.Measurement;
import no.heima.pathway.Activity;
import no.heima.pathway.CombinationRule;
import no.heima.pathway.PathwayDefinition;
import no.heima.pathway.Threshold;
import no.heima.pathway.TrendRule;
import no.heima.triage.Assessment;
import no.heima.triage.CombinationTriage;
import no.heima.triage.FailSafe;
import no.heima.triage.Level;
import no.heima.triage.SubmissionTriage;
import no.heima.triage.TrendTriage;
import no.heima.vital.Vital;
import org.junit.jupiter.api.Test;

/**
 * Property: for generated rule sets (bounds, personal bounds, trends, combinations) and
 * generated measurement series, the level submit gives each measurement (the fail-safe
 * around {@link SubmissionTriage}, fed the history and earlier signals submit reads from
 * the database) is the level what-if replay gives it under the same rules, except that
 * submit raises a submission no rule could assess to at least yellow (replay counts the
 * rules only). Plain seeded generation: each failure names its seed, which reproduces it.
 */
class SubmitAndReplayAgreeTest {

	private static final int CASES = 500;

	private static final String SYS = "8480-6";

	private static final String DIA = "8462-4";

	private static final String KG = "29463-7";

	private static final Instant START = Instant.parse("2026-11-01T08:00:00Z");

	private final FailSafe failSafe = new FailSafe(new SimpleMeterRegistry());

	@Test
	void submitAndReplayGiveTheSameLevels() {
		int compared = 0;
		for (long seed = 1; seed <= CASES; seed++) {
			compared += check(seed);
		}
		assertThat(compared).as("measurements compared").isGreaterThan(CASES);
	}

	private int check(long seed) {
		Random random = new Random(seed);
		PathwayDefinition rules = rules(random);
		CarePlan plan = plan(random);
		List<Measurement> series = series(random);

		List<Assessment> submitted = submitInOrder(rules, plan, series);
		List<RuleReplay.Outcome> replayed = RuleReplay.replay(rules, plan, series, List.of(), Instant.MIN);

		assertThat(replayed).as("seed %d: every measurement replayed", seed).hasSize(series.size());
		for (int i = 0; i < series.size(); i++) {
			Assessment atSubmit = submitted.get(i);
			Level replay = replayed.get(i).level();
			Level expected = (atSubmit.couldNotAssess() != null) ? replay.worst(Level.YELLOW) : replay;
			assertThat(atSubmit.level())
				.as("seed %d, measurement %d of %d (%s), rules %s, personal %s", seed, i, series.size(), series.get(i),
						rules, plan.personalThresholds())
				.isEqualTo(expected);
		}
		return series.size();
	}

	/**
	 * Each measurement triaged as submit does: the trend history is the patient's earlier
	 * values of the vital in the activity's longest trend window (what the repository
	 * reads), the earlier signals are the stored non-green submissions' reasons.
	 */
	private List<Assessment> submitInOrder(PathwayDefinition rules, CarePlan plan, List<Measurement> series) {
		List<Assessment> results = new ArrayList<>();
		List<CombinationTriage.Signal> stored = new ArrayList<>();
		for (int i = 0; i < series.size(); i++) {
			Measurement m = series.get(i);
			Activity activity = rules.activityById(m.activityId()).orElseThrow();
			Map<String, List<TrendTriage.Point>> history = history(activity, series.subList(0, i), m);
			Map<String, BigDecimal> values = new HashMap<>();
			m.values().forEach((v) -> values.put(v.code(), v.value()));
			List<CombinationTriage.Signal> earlier = stored.stream()
				.filter((s) -> !s.reasons().isEmpty())
				.filter((s) -> !s.at()
					.isBefore(m.measuredAt()
						.minus(Duration.ofDays(CombinationTriage.longestWindow(rules.combinations())))))
				.toList();
			Assessment triage = this.failSafe.assessSubmission(
					plan.ruleVersion(), activity, List.of(), () -> SubmissionTriage.Input.measured(activity,
							plan.personalBounds(activity.id()), values, m.measuredAt(), history, plan.ruleVersion()),
					rules.combinations(), () -> earlier);
			results.add(triage);
			stored.add(new CombinationTriage.Signal(m.activityId(), m.measuredAt(), triage.reasons()));
		}
		return results;
	}

	private static Map<String, List<TrendTriage.Point>> history(Activity activity, List<Measurement> before,
			Measurement current) {
		int days = activity.trends().stream().mapToInt(TrendRule::windowDays).max().orElse(0);
		Map<String, List<TrendTriage.Point>> history = new HashMap<>();
		if (days == 0) {
			return history;
		}
		Instant from = current.measuredAt().minus(Duration.ofDays(days));
		before.stream()
			.filter((m) -> m.vital() == current.vital() && !m.measuredAt().isBefore(from))
			.forEach((m) -> m.values()
				.forEach((v) -> history.computeIfAbsent(v.code(), (k) -> new ArrayList<>())
					.add(new TrendTriage.Point(m.measuredAt(), v.value()))));
		return history;
	}

	private static PathwayDefinition rules(Random random) {
		Activity bp = new Activity("bp", Activity.Type.MEASUREMENT, "Blodtrykk", null, null, Vital.BLOOD_PRESSURE, null,
				bounds(random, SYS, DIA), trends(random, SYS, DIA), List.of(), random.nextInt(6) == 0, null);
		Activity weight = new Activity("weight", Activity.Type.MEASUREMENT, "Vekt", null, null, Vital.BODY_WEIGHT, null,
				bounds(random, KG), trends(random, KG), List.of(), random.nextInt(6) == 0, null);
		List<CombinationRule> combinations = new ArrayList<>();
		for (int i = random.nextInt(3); i > 0; i--) {
			combinations.add(new CombinationRule("combo-" + i,
					List.of(new CombinationRule.Condition("bp", random.nextBoolean() ? null : SYS, level(random)),
							new CombinationRule.Condition("weight", null, level(random))),
					1 + random.nextInt(5), level(random), null));
		}
		return new PathwayDefinition("Generert", null, List.of(bp, weight), null, combinations, null, null);
	}

	private static List<Threshold> bounds(Random random, String... codes) {
		List<Threshold> bounds = new ArrayList<>();
		for (String code : codes) {
			if (random.nextInt(4) != 0) {
				bounds.add(threshold(random, code));
			}
		}
		return bounds;
	}

	private static Threshold threshold(Random random, String code) {
		int mid = 60 + random.nextInt(60);
		return new Threshold(code, maybe(random, mid - 30), maybe(random, mid - 15), maybe(random, mid + 15),
				maybe(random, mid + 30));
	}

	private static List<TrendRule> trends(Random random, String... codes) {
		List<TrendRule> trends = new ArrayList<>();
		for (String code : codes) {
			if (random.nextInt(3) == 0) {
				boolean rise = random.nextBoolean();
				BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(20));
				trends.add(new TrendRule(code, 1 + random.nextInt(5), rise ? amount : null, rise ? null : amount,
						level(random)));
			}
		}
		return trends;
	}

	private static CarePlan plan(Random random) {
		List<PersonalThreshold> personal = new ArrayList<>();
		for (String[] code : new String[][] { { "bp", SYS }, { "bp", DIA }, { "weight", KG } }) {
			if (random.nextInt(4) == 0) {
				personal.add(new PersonalThreshold(code[0], threshold(random, code[1])));
			}
		}
		return new CarePlan(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1, "Generert", "team",
				LocalDate.of(2026, 10, 1), "Europe/Oslo", CarePlan.Status.ACTIVE, null, null, personal, List.of(), 3,
				START);
	}

	/** Measurements at strictly rising times, some hours to a day apart. */
	private static List<Measurement> series(Random random) {
		List<Measurement> series = new ArrayList<>();
		Instant at = START;
		for (int i = 1 + random.nextInt(14); i > 0; i--) {
			at = at.plus(Duration.ofMinutes(30 + random.nextInt(36 * 60)));
			boolean bp = random.nextBoolean();
			List<EnteredValue> values = bp
					? List.of(value(SYS, 60 + random.nextInt(140), "mm[Hg]"),
							value(DIA, 40 + random.nextInt(90), "mm[Hg]"))
					: List.of(value(KG, 50 + random.nextInt(100), "kg"));
			series.add(
					new Measurement(UUID.randomUUID(), UUID.randomUUID(), bp ? Vital.BLOOD_PRESSURE : Vital.BODY_WEIGHT,
							values, values, at, at, null, bp ? "bp" : "weight", "MANUAL", null, null));
		}
		return series;
	}

	private static EnteredValue value(String code, int value, String unit) {
		return new EnteredValue(code, BigDecimal.valueOf(value), unit);
	}

	private static BigDecimal maybe(Random random, int value) {
		return random.nextInt(3) == 0 ? null : BigDecimal.valueOf(value);
	}

	private static String level(Random random) {
		return random.nextBoolean() ? "YELLOW" : "RED";
	}

}
