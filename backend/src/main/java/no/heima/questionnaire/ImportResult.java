package no.heima.questionnaire;

import java.util.List;
import no.heima.problem.FieldProblem;

/**
 * An accepted import, with the validator's warnings (which did not block it).
 */
public record ImportResult(QuestionnaireRef questionnaire, List<FieldProblem> warnings) {

	public ImportResult {
		warnings = List.copyOf(warnings);
	}

}
