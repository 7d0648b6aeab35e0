package no.heima.triage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.heima.pathway.Threshold;

/**
 * Threshold rules: each value against its bounds, the patient's personal bounds winning.
 */
public final class ThresholdTriage {

	private ThresholdTriage() {
	}

	/**
	 * @param values by code (LOINC of a measurement component, or a score's linkId)
	 * @param pathwayBounds the pathway version's bounds for this activity
	 * @param personalBounds the care plan's personal bounds for this activity (win per
	 * code)
	 */
	public static Assessment assess(Map<String, BigDecimal> values, List<Threshold> pathwayBounds,
			List<Threshold> personalBounds, RuleVersion rules) {
		Level level = Level.GREEN;
		boolean assessed = false;
		List<Reason> reasons = new ArrayList<>();
		for (Map.Entry<String, BigDecimal> value : values.entrySet()) {
			Optional<Threshold> personal = find(personalBounds, value.getKey());
			Optional<Threshold> bounds = personal.or(() -> find(pathwayBounds, value.getKey()));
			if (bounds.isEmpty()) {
				continue;
			}
			assessed = true;
			Reason.Source source = personal.isPresent() ? Reason.Source.PERSONAL : Reason.Source.PATHWAY;
			Optional<Reason> reason = assess(value.getKey(), value.getValue(), bounds.get(), source);
			if (reason.isPresent()) {
				reasons.add(reason.get());
				level = level.worst(reason.get().level());
			}
		}
		return new Assessment(level, reasons, assessed, rules);
	}

	static Optional<Reason> assess(String code, BigDecimal value, Threshold t, Reason.Source source) {
		if (atOrAbove(value, t.redHigh())) {
			return Optional.of(new Reason(code, value, Level.RED, "redHigh", t.redHigh(), source));
		}
		if (atOrBelow(value, t.redLow())) {
			return Optional.of(new Reason(code, value, Level.RED, "redLow", t.redLow(), source));
		}
		if (atOrAbove(value, t.yellowHigh())) {
			return Optional.of(new Reason(code, value, Level.YELLOW, "yellowHigh", t.yellowHigh(), source));
		}
		if (atOrBelow(value, t.yellowLow())) {
			return Optional.of(new Reason(code, value, Level.YELLOW, "yellowLow", t.yellowLow(), source));
		}
		return Optional.empty();
	}

	private static Optional<Threshold> find(List<Threshold> bounds, String code) {
		return bounds.stream().filter((t) -> code.equals(t.code())).findFirst();
	}

	private static boolean atOrAbove(BigDecimal value, BigDecimal bound) {
		return bound != null && value.compareTo(bound) >= 0;
	}

	private static boolean atOrBelow(BigDecimal value, BigDecimal bound) {
		return bound != null && value.compareTo(bound) <= 0;
	}

}
