package no.heima.triage;

import java.math.BigDecimal;

/**
 * Why a value was not green: {@code bound} is redLow, yellowLow, yellowHigh or redHigh,
 * and {@code source} says whether the pathway's or the patient's personal bounds applied.
 */
public record Reason(String code, BigDecimal value, Level level, String bound, BigDecimal boundValue, Source source) {

	public enum Source {

		PATHWAY, PERSONAL

	}

}
