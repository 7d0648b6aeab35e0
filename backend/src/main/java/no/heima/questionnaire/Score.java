package no.heima.questionnaire;

import java.math.BigDecimal;

/**
 * One calculated item of a scored response.
 *
 * @param linkId the calculated item
 * @param value the number, when the result is numeric (13, not 13.0); null when it is
 * not, or when it could not be computed (e.g. unanswered items the expression needs)
 * @param valueText the result as text (a Coding's display), null when not computed
 * @param loinc the item's LOINC code, when it has one (PHQ-9 total 44261-6, GAD-7 total
 * 70274-6)
 * @param hidden the item is {@code questionnaire-hidden}: for the care team, not for the
 * patient's receipt
 */
public record Score(String linkId, BigDecimal value, String valueText, String loinc, boolean hidden) {

	public Score(String linkId, BigDecimal value, String valueText, String loinc) {
		this(linkId, value, valueText, loinc, false);
	}

	Score asHidden() {
		return new Score(linkId, value, valueText, loinc, true);
	}

	public boolean computed() {
		return valueText != null;
	}

}
