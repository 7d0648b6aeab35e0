package no.heima.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.junit.jupiter.api.Test;

/**
 * The import gate on its own: the HAPI validator (for real) under Heima's policy, plus
 * the structural checks; every issue is listed, with where it is.
 */
class QuestionnaireValidationTest {

	private final QuestionnaireValidation validation = TestFhir.validation();

	@Test
	void listsEveryIssueWithItsPath() {
		List<FieldProblem> errors = refused(TestFhir.fixture("questionnaire-invalid.json"));

		assertThat(errors).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("Questionnaire.item[0]");
			assertThat(e.code()).isEqualTo("missing-options");
			assertThat(e.message()).contains("mood");
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("Questionnaire.item[1].linkId");
			assertThat(e.code()).isEqualTo("duplicate-linkid");
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("Questionnaire.status");
			assertThat(e.code()).isEqualTo("required");
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("Questionnaire.item[2].enableWhen[0].question");
			assertThat(e.code()).isEqualTo("unknown-question");
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("Questionnaire.item[3].extension[0].value.expression");
			assertThat(e.code()).isEqualTo("invalid-fhirpath");
		});
		// the validator's own findings come too (missing status, que-2 on linkIds)
		assertThat(errors).extracting(FieldProblem::code).contains("que-2");
	}

	@Test
	void urlAndVersionAreRequiredAndOnlyActiveOrDraftCanBeImported() {
		List<FieldProblem> errors = refused("""
				{"resourceType": "Questionnaire", "status": "retired", "item": [
				  {"linkId": "a", "text": "A", "type": "string"}]}
				""");

		assertThat(errors).extracting(FieldProblem::field, FieldProblem::code)
			.contains(tuple("Questionnaire.url", "required"), tuple("Questionnaire.version", "required"),
					tuple("Questionnaire.status", "invalid-status"));
	}

	@Test
	void expressionsMustBeFhirPath() {
		List<FieldProblem> errors = refused(
				"""
						{"resourceType": "Questionnaire", "url": "https://heima.example/t", "version": "1", "status": "draft",
						 "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/variable",
						   "valueExpression": {"name": "x", "language": "text/cql", "expression": "1"}}],
						 "item": [{"linkId": "a", "text": "A", "type": "integer",
						   "extension": [{"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
						     "valueExpression": {"language": "text/fhirpath", "expression": "nosuchfunction()"}}]}]}
						""");

		assertThat(errors).extracting(FieldProblem::field, FieldProblem::code)
			.contains(tuple("Questionnaire.extension[0].value.language", "unsupported-language"),
					tuple("Questionnaire.item[0].extension[0].value.expression", "invalid-fhirpath"));
	}

	@Test
	void norwegianLanguageTagIsAWarningNotAnError() {
		QuestionnaireValidation.Valid valid = validation.validateNow("""
				{"resourceType": "Questionnaire", "language": "nb-NO", "url": "https://heima.example/t",
				 "version": "1", "status": "active", "title": "Tittel",
				 "item": [{"linkId": "a", "text": "A", "type": "boolean"}]}
				""");

		assertThat(valid.warnings()).anySatisfy(w -> {
			assertThat(w.field()).isEqualTo("Questionnaire.language");
			assertThat(w.code()).isEqualTo(ValidatorPolicy.LANGUAGE_NOT_COMMON);
		});
	}

	@Test
	void otherValidatorErrorsStillBlock() {
		List<FieldProblem> errors = refused("""
				{"resourceType": "Questionnaire", "url": "https://heima.example/t", "version": "1",
				 "status": "active", "unknownElement": true,
				 "item": [{"linkId": "a", "text": "A", "type": "no-such-type"}]}
				""");

		assertThat(errors).anySatisfy(e -> assertThat(e.message()).contains("unknownElement"));
		assertThat(errors).anySatisfy(e -> assertThat(e.field()).isEqualTo("Questionnaire.item[0].type"));
	}

	@Test
	void notJsonOrNotAQuestionnaireIsRefusedPlainly() {
		assertThat(refused("{\"resourceType\": \"Questionnaire\", \"item\": [")).singleElement()
			.extracting(FieldProblem::code)
			.isEqualTo("malformed");
		assertThat(refused("{\"resourceType\": \"Patient\"}")).singleElement()
			.extracting(FieldProblem::code)
			.isEqualTo("wrong-resource-type");
		assertThat(refused(" ")).singleElement().extracting(FieldProblem::code).isEqualTo("required");
	}

	private List<FieldProblem> refused(String json) {
		HeimaProblemException refused = catchThrowableOfType(HeimaProblemException.class,
				() -> validation.validateNow(json));
		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.type()).isEqualTo(ProblemType.INVALID_QUESTIONNAIRE);
		return refused.errors();
	}

}
