package no.heima.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.heima.pathway.CombinationRule;

/**
 * Combination rules: signals of two or more activities together, e.g. weight up 2 kg in 3
 * days AND more breathless. A rule fires on a submission that meets one of its conditions
 * when every other condition is met by that submission or by an earlier one of the same
 * care plan within the rule's window ({@code withinDays} before it, up to and including
 * its own time). Used alike when a submission is triaged and when stored submissions are
 * replayed.
 */
public final class CombinationTriage {

	/** What triage said about one submission: its activity, its time, its reasons. */
	public record Signal(String activityId, Instant at, List<Reason> reasons) {

		public Signal {
			reasons = (reasons != null) ? List.copyOf(reasons) : List.of();
		}

	}

	/** The reason bound a fired combination carries. */
	public static final String BOUND = "combination";

	private CombinationTriage() {
	}

	/** The reasons of the rules that fire on {@code current}. */
	public static List<Reason> assess(List<CombinationRule> rules, Signal current, List<Signal> earlier) {
		List<Reason> fired = new ArrayList<>();
		for (CombinationRule rule : rules) {
			if (rule == null || rule.conditions().size() < 2 || !isLevel(rule.level())) {
				continue;
			}
			Instant from = current.at().minus(Duration.ofDays(rule.withinDays()));
			List<Signal> window = earlier.stream()
				.filter((s) -> !s.at().isBefore(from) && !s.at().isAfter(current.at()))
				.toList();
			boolean touched = rule.conditions().stream().anyMatch((c) -> meets(current, c));
			boolean all = rule.conditions()
				.stream()
				.allMatch((c) -> meets(current, c) || window.stream().anyMatch((s) -> meets(s, c)));
			if (touched && all) {
				fired.add(new Reason(rule.id(), null, Level.valueOf(rule.level()), BOUND, null, Reason.Source.PATHWAY));
			}
		}
		return fired;
	}

	/**
	 * The assessment with the reasons of the combinations that fire added, its level the
	 * worst of all.
	 */
	public static Assessment apply(Assessment assessment, List<CombinationRule> rules, String activityId, Instant at,
			List<Signal> earlier) {
		if (rules.isEmpty() || activityId == null) {
			return assessment;
		}
		List<Reason> fired = assess(rules, new Signal(activityId, at, assessment.reasons()), earlier);
		if (fired.isEmpty()) {
			return assessment;
		}
		List<Reason> reasons = new ArrayList<>(assessment.reasons());
		Level level = assessment.level();
		for (Reason reason : fired) {
			reasons.add(reason);
			level = level.worst(reason.level());
		}
		return new Assessment(level, reasons, assessment.assessed(), assessment.rules(), assessment.couldNotAssess(),
				assessment.collectOnly());
	}

	/** How far back the rules look: the longest window, in days (0 without rules). */
	public static int longestWindow(List<CombinationRule> rules) {
		return rules.stream().filter((r) -> r != null).mapToInt(CombinationRule::withinDays).max().orElse(0);
	}

	static boolean meets(Signal signal, CombinationRule.Condition condition) {
		if (condition == null || condition.activityId() == null
				|| !condition.activityId().equals(signal.activityId())) {
			return false;
		}
		Level minimum = Level.valueOf(condition.minimum());
		boolean anyCode = condition.code() == null || condition.code().isBlank();
		return signal.reasons()
			.stream()
			.anyMatch((r) -> r.level().ordinal() >= minimum.ordinal() && !BOUND.equals(r.bound())
					&& (anyCode || condition.code().equals(r.code())));
	}

	private static boolean isLevel(String level) {
		return "YELLOW".equals(level) || "RED".equals(level);
	}

}
