package no.heima.measurement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import no.heima.pathway.Threshold;

/**
 * A personal bound suggested from the run-in period: yellow at mean ± k·sd of the
 * patient's own values, kept inside the pathway's red bounds (which stay as they are). A
 * suggestion only: a clinician accepts or edits it as the patient's personal bounds.
 */
public record Baseline(String code, int count, BigDecimal mean, BigDecimal sd, Threshold suggested) {

	/** Fewer values than this say too little about what is normal for the patient. */
	static final int MIN_VALUES = 3;

	static Baseline suggest(String code, List<BigDecimal> values, BigDecimal k, Threshold pathway) {
		MathContext mc = MathContext.DECIMAL64;
		BigDecimal n = BigDecimal.valueOf(values.size());
		BigDecimal mean = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, mc);
		BigDecimal variance = values.stream()
			.map((v) -> v.subtract(mean).pow(2))
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide((values.size() > 1) ? n.subtract(BigDecimal.ONE) : n, mc);
		BigDecimal sd = variance.sqrt(mc);
		BigDecimal low = mean.subtract(k.multiply(sd));
		BigDecimal high = mean.add(k.multiply(sd));
		BigDecimal redLow = (pathway != null) ? pathway.redLow() : null;
		BigDecimal redHigh = (pathway != null) ? pathway.redHigh() : null;
		if (redLow != null && low.compareTo(redLow) <= 0) {
			low = null; // would fall at or below red: the pathway's own bounds already
						// cover it
		}
		if (redHigh != null && high.compareTo(redHigh) >= 0) {
			high = null;
		}
		return new Baseline(code, values.size(), round(mean), round(sd),
				new Threshold(code, redLow, round(low), round(high), redHigh));
	}

	private static BigDecimal round(BigDecimal value) {
		return (value == null) ? null : value.setScale(1, RoundingMode.HALF_UP);
	}

}
