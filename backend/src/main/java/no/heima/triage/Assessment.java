package no.heima.triage;

import java.util.List;

/**
 * A triage result. {@code assessed} is false when no bound applied to any value (the
 * pathway set none): the level is then GREEN by configuration, not by measurement.
 */
public record Assessment(Level level, List<Reason> reasons, boolean assessed, RuleVersion rules) {

	public Assessment {
		reasons = List.copyOf(reasons);
	}

}
