package no.heima.pathway;

import java.util.List;

/**
 * Two (up to four) signals that together matter more than each alone, e.g. body weight up
 * 2 kg in 3 days AND more breathless: when a submission meets one condition and every
 * other condition was met by it or by a submission of the same care plan within the last
 * {@code withinDays}, the submission gets {@code level}.
 * <p>
 * A condition is met by a submission to {@code activityId} whose triage gave a reason on
 * {@code code} (a measurement component's LOINC, a score's or a question's linkId; any
 * code when absent) at {@code atLeast} (YELLOW when absent) or worse. Conditions build on
 * the activity's own rules (bounds, trends, answer triggers), so a combination needs no
 * rule language of its own.
 *
 * @param id stable across versions, shown as the reason's code
 * @param level YELLOW or RED
 */
public record CombinationRule(String id, List<Condition> conditions, int withinDays, String level,
		LocalizedText description) {

	public CombinationRule {
		conditions = (conditions != null) ? List.copyOf(conditions) : List.of();
	}

	/** One signal of a combination; see {@link CombinationRule}. */
	public record Condition(String activityId, String code, String atLeast) {

		/** The level a reason must reach: YELLOW unless RED is asked for. */
		public String minimum() {
			return "RED".equals(this.atLeast) ? "RED" : "YELLOW";
		}

	}

}
