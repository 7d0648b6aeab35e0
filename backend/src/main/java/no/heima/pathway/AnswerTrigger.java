package no.heima.pathway;

import java.math.BigDecimal;
import java.util.List;

/**
 * A single answer that decides the level whatever the scores say, e.g. PHQ-9 item 9
 * (thoughts of being better off dead) at or above ordinal 1 is red. Fires when the
 * answer's number (an integer or decimal answer, or the chosen option's ordinal value) is
 * at least {@code atLeast}, or when the chosen code (or {@code true}/{@code false} for a
 * yes/no question) is one of {@code codes}.
 *
 * @param level YELLOW or RED
 */
public record AnswerTrigger(String linkId, BigDecimal atLeast, List<String> codes, String level) {

	public AnswerTrigger {
		codes = (codes != null) ? List.copyOf(codes) : List.of();
	}

}
