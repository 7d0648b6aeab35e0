package no.heima.triage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.heima.pathway.Activity;
import no.heima.pathway.CombinationRule;
import no.heima.pathway.Threshold;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * The one way a submission's rules are combined, at submit time and when what-if replays
 * stored submissions: the activity's bounds (the patient's personal bounds winning per
 * value), then its trend rules (a measurement) or its answer triggers (a response), then
 * the pathway's combination rules over the care plan's earlier signals; the worst level
 * decides. Keeping it in one place is what lets a replay with unchanged rules give the
 * levels submit gave.
 */
public final class SubmissionTriage {

	private SubmissionTriage() {
	}

	/**
	 * What the rules of one activity see of one submission.
	 *
	 * @param values by code (LOINC of a measurement component, or a score's linkId)
	 * @param history earlier values by code for the trend rules (empty for a response)
	 * @param response the scored response for the answer triggers, read only when the
	 * activity has triggers; null for a measurement
	 */
	public record Input(Activity activity, List<Threshold> personalBounds, Map<String, BigDecimal> values, Instant at,
			Map<String, List<TrendTriage.Point>> history, Supplier<QuestionnaireResponse> response, RuleVersion rules) {

		/** A measurement's input. */
		public static Input measured(Activity activity, List<Threshold> personalBounds, Map<String, BigDecimal> values,
				Instant at, Map<String, List<TrendTriage.Point>> history, RuleVersion rules) {
			return new Input(activity, personalBounds, values, at, history, null, rules);
		}

		/** A scored response's input. */
		public static Input answered(Activity activity, List<Threshold> personalBounds, Map<String, BigDecimal> scores,
				Instant at, Supplier<QuestionnaireResponse> response, RuleVersion rules) {
			return new Input(activity, personalBounds, scores, at, Map.of(), response, rules);
		}

	}

	/**
	 * The activity's own rules: bounds, then trends (a measurement) or answer triggers (a
	 * response). An activity with trend rules or triggers counts as assessed even when no
	 * bound applied.
	 */
	public static Assessment activityRules(Input in) {
		Assessment bounds = ThresholdTriage.assess(in.values(), in.activity().thresholds(), in.personalBounds(),
				in.rules());
		boolean measured = in.response() == null;
		boolean watched = measured ? !in.activity().trends().isEmpty() : !in.activity().triggers().isEmpty();
		if (!watched) {
			return bounds;
		}
		List<Reason> more = measured ? TrendTriage.assess(in.values(), in.at(), in.history(), in.activity().trends())
				: AnswerTriggerTriage.assess(in.response().get(), in.activity().triggers());
		List<Reason> reasons = new ArrayList<>(bounds.reasons());
		Level level = bounds.level();
		for (Reason reason : more) {
			reasons.add(reason);
			level = level.worst(reason.level());
		}
		return new Assessment(level, reasons, true, bounds.rules());
	}

	/**
	 * The activity's rules and then the combination rules that fire on this submission
	 * given the care plan's {@code earlier} signals.
	 */
	public static Assessment withCombinations(Input in, List<CombinationRule> combinations,
			List<CombinationTriage.Signal> earlier) {
		return CombinationTriage.apply(activityRules(in), combinations, in.activity().id(), in.at(), earlier);
	}

}
