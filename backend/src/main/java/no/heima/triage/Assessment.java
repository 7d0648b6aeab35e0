package no.heima.triage;

import java.util.List;
import no.heima.pathway.LocalizedText;
import no.heima.pathway.PathwayDefinition;

/**
 * A triage result. {@code assessed} is false when no bound applied to any value (the
 * pathway set none): the level is then GREEN by configuration, not by measurement.
 */
public record Assessment(Level level, List<Reason> reasons, boolean assessed, RuleVersion rules) {

	public Assessment {
		reasons = List.copyOf(reasons);
	}

	/**
	 * The pathway's self-management advice for this level; null when nothing was assessed
	 * or the pathway gives no advice.
	 */
	public LocalizedText adviceFrom(PathwayDefinition definition) {
		if (!this.assessed || definition.advice() == null) {
			return null;
		}
		return switch (this.level) {
			case GREEN -> definition.advice().green();
			case YELLOW -> definition.advice().yellow();
			case RED -> definition.advice().red();
		};
	}

}
