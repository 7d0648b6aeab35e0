package no.heima.pathway;

import java.math.BigDecimal;

/**
 * Triage bounds for one value: a measurement component (by LOINC) or a questionnaire
 * score (by the item's linkId). A value at or beyond a red bound is red, at or beyond a
 * yellow bound yellow; any bound may be absent. Ordered: redLow < yellowLow <= yellowHigh
 * < redHigh.
 */
public record Threshold(String code, BigDecimal redLow, BigDecimal yellowLow, BigDecimal yellowHigh,
		BigDecimal redHigh) {

}
