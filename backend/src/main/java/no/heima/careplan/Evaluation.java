package no.heima.careplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.heima.problem.FieldProblem;

/**
 * The care team's evaluation of a follow-up (the DHO "evaluate" step): {@code outcome}
 * CONTINUE (as it is), CHANGE_THRESHOLDS (with the patient's new personal
 * {@code thresholds}) or END; {@code nextEvaluationDate} when to evaluate again (after
 * today; none when absent), {@code note} what was decided (the reason, when ending).
 */
public record Evaluation(Outcome outcome, LocalDate nextEvaluationDate, String note,
		List<PersonalThreshold> thresholds) {

	/**
	 * How far ahead an evaluation may be planned from the day it is planned from (the
	 * start of the follow-up at enrolment, tomorrow at an evaluation): one year.
	 */
	public static final int MAX_DAYS = 365;

	/**
	 * The one rule for an evaluation day, planned at enrolment or at an evaluation: on or
	 * after {@code earliest}, at most {@link #MAX_DAYS} after it; none planned is fine.
	 */
	static Optional<FieldProblem> dateProblem(String field, LocalDate date, LocalDate earliest) {
		if (date == null || (!date.isBefore(earliest) && !date.isAfter(earliest.plusDays(MAX_DAYS)))) {
			return Optional.empty();
		}
		return Optional
			.of(new FieldProblem(field, "range", "From " + earliest + ", at most " + MAX_DAYS + " days after it"));
	}

	public enum Outcome {

		CONTINUE, CHANGE_THRESHOLDS, END

	}

}
