package no.heima.questionnaire;

import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayList;
import java.util.List;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The import gate: the JSON must be a Questionnaire, pass the FHIR validator under
 * {@link ValidatorPolicy}, and pass {@link StructureChecks}. A refusal lists every issue
 * at once ({@code urn:heima:problem:invalid-questionnaire}).
 */
@Component
class QuestionnaireValidation {

	/** A questionnaire that may be stored, with the warnings that did not block it. */
	record Valid(Questionnaire questionnaire, List<FieldProblem> warnings) {
	}

	private final ValidatorAndFhirPath fhir;

	QuestionnaireValidation(ValidatorAndFhirPath fhir) {
		this.fhir = fhir;
	}

	Mono<Valid> validate(String json) {
		return fhir.ready().then(fhir.call(() -> validateNow(json)));
	}

	/** Blocking: call through {@link #validate} on request paths. */
	Valid validateNow(String json) {
		if (json == null || json.isBlank()) {
			throw refused(List.of(new FieldProblem("body", "required", "Send a FHIR R4 Questionnaire as JSON")));
		}
		IBaseResource parsed;
		try {
			parsed = fhir.parseTolerantly(json);
		}
		catch (DataFormatException | IllegalArgumentException e) {
			throw refused(
					List.of(new FieldProblem("body", "malformed", "Not readable as FHIR JSON: " + e.getMessage())));
		}
		if (!(parsed instanceof Questionnaire questionnaire)) {
			throw refused(List.of(new FieldProblem("resourceType", "wrong-resource-type",
					"Expected a Questionnaire, not " + parsed.fhirType())));
		}
		ValidatorPolicy.Outcome outcome = ValidatorPolicy.classify(fhir.validate(json));
		List<FieldProblem> errors = new ArrayList<>(outcome.errors());
		errors.addAll(StructureChecks.check(questionnaire, fhir.fhirPath()));
		if (!errors.isEmpty()) {
			throw refused(errors);
		}
		return new Valid(questionnaire, outcome.warnings());
	}

	private static HeimaProblemException refused(List<FieldProblem> errors) {
		return new HeimaProblemException(ProblemType.INVALID_QUESTIONNAIRE,
				"The questionnaire was not imported: " + errors.size() + " issue(s)", errors);
	}

}
