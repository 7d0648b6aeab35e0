package no.heima.whatif;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.heima.careplan.CarePlan;
import no.heima.fhir.FhirJson;
import no.heima.measurement.EnteredValue;
import no.heima.measurement.Measurement;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayDefinition;
import no.heima.response.ReplayableResponse;
import no.heima.triage.Assessment;
import no.heima.triage.CombinationTriage;
import no.heima.triage.Level;
import no.heima.triage.RuleVersion;
import no.heima.triage.SubmissionTriage;
import no.heima.triage.TrendTriage;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * The triage rules of one pathway definition applied to stored submissions: the same pure
 * functions that triaged them at submit time (bounds, trends, answer triggers, then the
 * combination rules over the care plan's earlier submissions), so a replay with unchanged
 * rules gives the same levels.
 */
final class RuleReplay {

	private RuleReplay() {
	}

	/**
	 * How many yellow and red levels the rules give the submissions made at or after
	 * {@code since}.
	 */
	record Counts(int yellow, int red) {

		Counts add(Level level) {
			return switch (level) {
				case YELLOW -> new Counts(this.yellow + 1, this.red);
				case RED -> new Counts(this.yellow, this.red + 1);
				case GREEN -> this;
			};
		}

	}

	/**
	 * One stored submission as the replayed rules see it; {@code counted} when it was
	 * made at or after the replay's start (earlier ones only feed trends and
	 * combinations); {@code key} names the submission, {@code value} says what was sent.
	 */
	record Replayed(Assessment assessed, CombinationTriage.Signal signal, boolean counted, String key, String value) {

		Replayed(Assessment assessed, String activityId, Instant at, boolean counted, String key, String value) {
			this(assessed, new CombinationTriage.Signal(activityId, at, assessed.reasons()), counted, key, value);
		}

	}

	/** The level the replayed rules give one counted submission. */
	record Outcome(String key, String activityId, Instant at, String value, Level level) {
	}

	/** How many yellow and red levels there are among {@code outcomes}. */
	static Counts counts(List<Outcome> outcomes) {
		Counts counts = new Counts(0, 0);
		for (Outcome outcome : outcomes) {
			counts = counts.add(outcome.level());
		}
		return counts;
	}

	/**
	 * One care plan's stored measurements and responses replayed under {@code rules}: the
	 * level of each made at or after {@code since}, oldest first.
	 */
	static List<Outcome> replay(PathwayDefinition rules, CarePlan plan, List<Measurement> measured,
			List<ReplayableResponse> answered, Instant since) {
		return outcomes(rules, measurements(rules, plan, measured, since), responses(rules, plan, answered, since));
	}

	/**
	 * The level of each counted submission, oldest first, with the combination rules
	 * applied over the ones before it (as at submit time).
	 */
	static List<Outcome> outcomes(PathwayDefinition rules, List<Replayed> measured, List<Replayed> answered) {
		List<Replayed> all = new ArrayList<>(measured);
		all.addAll(answered);
		all.sort(Comparator.comparing((Replayed r) -> r.signal().at()));
		List<Outcome> outcomes = new ArrayList<>();
		List<CombinationTriage.Signal> earlier = new ArrayList<>();
		for (Replayed r : all) {
			// the combination step as submit runs it, over the signals before this one
			Level level = CombinationTriage
				.apply(r.assessed(), rules.combinations(), r.signal().activityId(), r.signal().at(), earlier)
				.level();
			earlier.add(r.signal());
			if (r.counted()) {
				outcomes.add(new Outcome(r.key(), r.signal().activityId(), r.signal().at(), r.value(), level));
			}
		}
		return outcomes;
	}

	static List<Replayed> measurements(PathwayDefinition rules, CarePlan plan, List<Measurement> all, Instant since) {
		List<Replayed> replayed = new ArrayList<>();
		Map<String, List<TrendTriage.Point>> history = new HashMap<>();
		for (Measurement m : all) {
			Map<String, BigDecimal> values = new HashMap<>();
			m.values().forEach((v) -> values.put(v.code(), v.value()));
			Optional<Activity> activity = activity(rules, m.activityId());
			if (activity.isPresent()) {
				Assessment assessed = SubmissionTriage.activityRules(SubmissionTriage.Input.measured(activity.get(),
						plan.personalBounds(m.activityId()), values, m.measuredAt(), history, NONE));
				replayed.add(new Replayed(assessed, m.activityId(), m.measuredAt(), !m.measuredAt().isBefore(since),
						"measurement/" + m.id(), valueText(m)));
			}
			for (EnteredValue v : m.values()) {
				history.computeIfAbsent(v.code(), (k) -> new ArrayList<>())
					.add(new TrendTriage.Point(m.measuredAt(), v.value()));
			}
		}
		return replayed;
	}

	static List<Replayed> responses(PathwayDefinition rules, CarePlan plan, List<ReplayableResponse> all,
			Instant since) {
		List<Replayed> replayed = new ArrayList<>();
		for (ReplayableResponse r : all) {
			Optional<Activity> activity = activity(rules, r.activityId());
			if (activity.isEmpty()) {
				continue;
			}
			Map<String, BigDecimal> scores = new HashMap<>();
			r.scores().stream().filter((s) -> s.value() != null).forEach((s) -> scores.put(s.linkId(), s.value()));
			Assessment assessed = SubmissionTriage.activityRules(
					SubmissionTriage.Input.answered(activity.get(), plan.personalBounds(r.activityId()), scores,
							r.authored(), () -> FhirJson.read(QuestionnaireResponse.class, r.resourceJson()), NONE));
			replayed.add(new Replayed(assessed, r.activityId(), r.authored(), !r.authored().isBefore(since),
					"response/" + r.activityId() + "/" + r.authored(), scoreText(r)));
		}
		return replayed;
	}

	/** "182 / 110 mm[Hg]": the values as stored, in the unit of the first. */
	private static String valueText(Measurement m) {
		if (m.values().isEmpty()) {
			return "";
		}
		return m.values()
			.stream()
			.map((v) -> v.value().stripTrailingZeros().toPlainString())
			.collect(java.util.stream.Collectors.joining(" / ")) + " " + m.values().get(0).unit();
	}

	/** "hf-score 7": the response's scores, or nothing when it has none. */
	private static String scoreText(ReplayableResponse r) {
		return r.scores()
			.stream()
			.filter((s) -> s.value() != null)
			.map((s) -> s.linkId() + " " + s.value().stripTrailingZeros().toPlainString())
			.collect(java.util.stream.Collectors.joining(", "));
	}

	private static final RuleVersion NONE = new RuleVersion(null, 0, null, 0);

	private static Optional<Activity> activity(PathwayDefinition rules, String activityId) {
		return rules.activities().stream().filter((a) -> a.id().equals(activityId)).findFirst();
	}

}
