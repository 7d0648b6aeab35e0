package no.heima.triage;

import java.util.List;
import no.heima.pathway.LocalizedText;
import no.heima.pathway.PathwayDefinition;

/**
 * A triage result. {@code assessed} is false when no bound applied to any value. That is
 * only a quiet outcome when the activity is deliberately {@code collectOnly}; otherwise
 * {@code couldNotAssess} says why triage failed, and the submission goes to a clinician.
 *
 * @param couldNotAssess why the submission could not be triaged; null when it was (or
 * when it is collect-only)
 * @param collectOnly the activity is collected, not monitored (a choice made when the
 * pathway was published)
 */
public record Assessment(Level level, List<Reason> reasons, boolean assessed, RuleVersion rules,
		CouldNotAssess couldNotAssess, Boolean collectOnly) {

	public Assessment {
		reasons = List.copyOf(reasons);
		// absent in results stored before it existed
		collectOnly = Boolean.TRUE.equals(collectOnly);
	}

	public Assessment(Level level, List<Reason> reasons, boolean assessed, RuleVersion rules) {
		this(level, reasons, assessed, rules, null, false);
	}

	/**
	 * Whether a clinician must look at it: yellow or red, or it could not be assessed.
	 */
	public boolean needsClinician() {
		return this.couldNotAssess != null || (this.assessed && this.level != Level.GREEN);
	}

	/**
	 * The pathway's self-management advice for this level; null when nothing was assessed
	 * (never "all is well" for a submission that could not be assessed) or the pathway
	 * gives no advice.
	 */
	public LocalizedText adviceFrom(PathwayDefinition definition) {
		if (definition.advice() == null) {
			return null;
		}
		if (this.couldNotAssess != null) {
			// a red part still gets the red advice; otherwise no advice rather than a
			// wrong one
			return (this.level == Level.RED) ? definition.advice().red() : null;
		}
		if (!this.assessed) {
			return null;
		}
		return switch (this.level) {
			case GREEN -> definition.advice().green();
			case YELLOW -> definition.advice().yellow();
			case RED -> definition.advice().red();
		};
	}

}
