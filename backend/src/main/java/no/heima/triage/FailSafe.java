package no.heima.triage;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.heima.pathway.Activity;
import no.heima.pathway.AnswerTrigger;
import no.heima.pathway.CombinationRule;
import no.heima.pathway.Threshold;
import no.heima.pathway.TrendRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place every accepted submission is triaged through, measurements and responses
 * alike, so that no failure ends as silence. Whatever goes wrong before or during triage
 * (a scoring or unit failure reported by the caller, a stored rule that cannot be read, a
 * step that throws, or simply no rule applying to an activity nobody chose to leave
 * unwatched) gives an {@link Assessment} that carries {@link CouldNotAssess}: at least
 * yellow, never the patient's "all is well", and a worklist item of its own kind. Each is
 * counted in {@code heima.triage.unassessed}, tagged by cause.
 */
@Component
public class FailSafe {

	/** The metric a dashboard and an alert watch; one count per could-not-assess. */
	public static final String METRIC = "heima.triage.unassessed";

	private static final Logger log = LoggerFactory.getLogger(FailSafe.class);

	private final MeterRegistry meters;

	public FailSafe(MeterRegistry meters) {
		this.meters = meters;
		for (CouldNotAssess.Cause cause : CouldNotAssess.Cause.values()) {
			// registered at zero, so a rate can be taken before the first failure
			meters.counter(METRIC, "cause", cause.name());
		}
	}

	/**
	 * Runs {@code steps} (the threshold, trend and answer rules) safely.
	 * @param activity the activity the submission answers; null when it answers none
	 * @param upstream failures met before triage (scoring, conversion); the steps still
	 * run on what is there, so a red part stays red
	 */
	public Assessment assess(RuleVersion rules, Activity activity, List<CouldNotAssess> upstream,
			Supplier<Assessment> steps) {
		List<CouldNotAssess> failures = new ArrayList<>(upstream);
		if (activity == null) {
			failures.add(new CouldNotAssess(CouldNotAssess.Cause.NO_RULE,
					"The submission answers no activity of the pathway, so no rule watches it"));
			return couldNotAssess(Level.GREEN, List.of(), rules, failures);
		}
		List<String> unreadable = unreadableRules(activity);
		if (!unreadable.isEmpty()) {
			failures.add(new CouldNotAssess(CouldNotAssess.Cause.RULE,
					"Rule(s) of activity '" + activity.id() + "' cannot be applied: " + String.join("; ", unreadable)));
			return couldNotAssess(Level.GREEN, List.of(), rules, failures);
		}
		Assessment result;
		try {
			result = steps.get();
		}
		catch (RuntimeException ex) {
			log.error("Triage of activity '{}' failed", activity.id(), ex);
			failures.add(new CouldNotAssess(CouldNotAssess.Cause.ERROR,
					"Triage failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage()));
			return couldNotAssess(Level.GREEN, List.of(), rules, failures);
		}
		if (!failures.isEmpty()) {
			return couldNotAssess(result.level(), result.reasons(), rules, failures);
		}
		if (!result.assessed()) {
			if (activity.collectOnly()) {
				return new Assessment(Level.GREEN, List.of(), false, rules, null, true);
			}
			return couldNotAssess(result.level(), result.reasons(), rules,
					List.of(new CouldNotAssess(CouldNotAssess.Cause.NO_RULE, "No rule of activity '" + activity.id()
							+ "' applied to the values, and it is not marked collect-only")));
		}
		return result;
	}

	/**
	 * A submission's triage as submit runs it: {@link SubmissionTriage}'s rules and then
	 * the combination rules, safely.
	 * @param input what the rules see; a supplier that throws is reported, not lost
	 * @param earlier the care plan's earlier signals; a supplier that throws likewise
	 */
	public Assessment assessSubmission(RuleVersion rules, Activity activity, List<CouldNotAssess> upstream,
			Supplier<SubmissionTriage.Input> input, List<CombinationRule> combinations,
			Supplier<List<CombinationTriage.Signal>> earlier) {
		return assess(rules, activity, upstream,
				() -> SubmissionTriage.withCombinations(input.get(), combinations, earlier.get()));
	}

	/**
	 * A score the pathway sets bounds for, but the scoring did not produce: its bounds
	 * could not be applied.
	 */
	public static List<CouldNotAssess> missingScores(Activity activity, Map<String, BigDecimal> scores) {
		List<String> missing = activity.thresholds()
			.stream()
			.map(Threshold::code)
			.filter((code) -> code != null && !scores.containsKey(code))
			.toList();
		return missing.isEmpty() ? List.of() : List.of(new CouldNotAssess(CouldNotAssess.Cause.SCORING,
				"No value for " + String.join(", ", missing) + ", which the pathway sets bounds for"));
	}

	private Assessment couldNotAssess(Level partial, List<Reason> reasons, RuleVersion rules,
			List<CouldNotAssess> failures) {
		CouldNotAssess first = failures.get(0);
		String detail = failures.stream().map(CouldNotAssess::detail).reduce((a, b) -> a + " | " + b).orElse("");
		CouldNotAssess combined = new CouldNotAssess(first.cause(), detail);
		failures.stream()
			.map(CouldNotAssess::cause)
			.distinct()
			.forEach((cause) -> this.meters.counter(METRIC, "cause", cause.name()).increment());
		log.warn("Could not assess a submission ({}): {}", first.cause(), combined.detail());
		return new Assessment(partial.worst(Level.YELLOW), reasons, false, rules, combined, false);
	}

	/**
	 * What in a stored rule cannot be applied. Published rules were checked when they
	 * were saved, but a stored definition may be older than a check, or altered.
	 */
	static List<String> unreadableRules(Activity activity) {
		List<String> problems = new ArrayList<>();
		for (Threshold t : activity.thresholds()) {
			if (t == null || t.code() == null || t.code().isBlank()) {
				problems.add("a bound without a value code");
			}
		}
		for (TrendRule rule : activity.trends()) {
			if (rule == null || rule.code() == null || !isLevel(rule.level())
					|| (rule.rise() == null && rule.fall() == null)) {
				problems.add("trend " + ((rule != null) ? rule.code() + " level " + rule.level() : "empty"));
			}
		}
		for (AnswerTrigger trigger : activity.triggers()) {
			if (trigger == null || trigger.linkId() == null || !isLevel(trigger.level())) {
				problems.add("answer trigger "
						+ ((trigger != null) ? trigger.linkId() + " level " + trigger.level() : "empty"));
			}
		}
		return problems;
	}

	private static boolean isLevel(String level) {
		return "YELLOW".equals(level) || "RED".equals(level);
	}

}
