package no.heima.careplan;

import java.time.LocalDate;
import java.util.List;

/**
 * The care team's evaluation of a follow-up (the DHO "evaluate" step): {@code outcome}
 * CONTINUE (as it is), CHANGE_THRESHOLDS (with the patient's new personal
 * {@code thresholds}) or END; {@code nextEvaluationDate} when to evaluate again (after
 * today; none when absent), {@code note} what was decided (the reason, when ending).
 */
public record Evaluation(Outcome outcome, LocalDate nextEvaluationDate, String note,
		List<PersonalThreshold> thresholds) {

	public enum Outcome {

		CONTINUE, CHANGE_THRESHOLDS, END

	}

}
