package no.heima.triage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.heima.pathway.TrendRule;

/**
 * Trend rules: a new value against the same code's earlier values within the rule's
 * window. A rise is measured from the lowest earlier value, a fall from the highest, so a
 * slow climb is caught as well as a jump. Reaching the amount exactly counts.
 */
public final class TrendTriage {

	/** An earlier value of a code, when it was measured. */
	public record Point(Instant at, BigDecimal value) {
	}

	private TrendTriage() {
	}

	/**
	 * @param current this submission's values by code, measured at {@code at}
	 * @param history earlier values by code (any order; only those within each rule's
	 * window count)
	 */
	public static List<Reason> assess(Map<String, BigDecimal> current, Instant at, Map<String, List<Point>> history,
			List<TrendRule> rules) {
		List<Reason> reasons = new ArrayList<>();
		for (TrendRule rule : rules) {
			BigDecimal now = current.get(rule.code());
			if (now == null) {
				continue;
			}
			Instant from = at.minus(Duration.ofDays(rule.windowDays()));
			List<BigDecimal> window = history.getOrDefault(rule.code(), List.of())
				.stream()
				.filter((p) -> !p.at().isBefore(from) && p.at().isBefore(at))
				.map(Point::value)
				.toList();
			assess(rule, now, window).ifPresent(reasons::add);
		}
		return reasons;
	}

	private static Optional<Reason> assess(TrendRule rule, BigDecimal now, List<BigDecimal> window) {
		if (window.isEmpty()) {
			return Optional.empty();
		}
		Level level = Level.valueOf(rule.level());
		if (rule.rise() != null) {
			BigDecimal lowest = window.stream().min(BigDecimal::compareTo).orElseThrow();
			if (now.subtract(lowest).compareTo(rule.rise()) >= 0) {
				return Optional.of(new Reason(rule.code(), now, level, "rise" + rule.windowDays() + "d", lowest,
						Reason.Source.PATHWAY));
			}
		}
		if (rule.fall() != null) {
			BigDecimal highest = window.stream().max(BigDecimal::compareTo).orElseThrow();
			if (highest.subtract(now).compareTo(rule.fall()) >= 0) {
				return Optional.of(new Reason(rule.code(), now, level, "fall" + rule.windowDays() + "d", highest,
						Reason.Source.PATHWAY));
			}
		}
		return Optional.empty();
	}

}
