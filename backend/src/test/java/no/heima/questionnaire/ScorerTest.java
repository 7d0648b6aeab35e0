package no.heima.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.junit.jupiter.api.Test;

/**
 * Server-side scoring with HAPI's R4 FHIRPath engine: the built-in PHQ-9 and GAD-7, SDC
 * variables, and that nothing the client sends can change a score.
 */
class ScorerTest {

	private static final String LOINC = "http://loinc.org";

	private static final String[] ANSWER_CODES = { "LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9" };

	private final ValidatorAndFhirPath fhir = TestFhir.gateway();

	@Test
	void phq9TotalIsComputedFromTheAnswersAndTheClientsTotalIsIgnored() {
		QuestionnaireResponse response = screener("phq9", 0, 1, 2, 3, 0, 1, 2, 3, 1);
		response.addItem().setLinkId("phq9-total").addAnswer().setValue(new IntegerType(99));

		List<Score> scores = score("phq-9", response);

		assertThat(scores).singleElement().satisfies(total -> {
			assertThat(total.linkId()).isEqualTo("phq9-total");
			assertThat(total.value()).isEqualByComparingTo("13");
			assertThat(total.value().toPlainString()).isEqualTo("13");
			assertThat(total.loinc()).isEqualTo("44261-6");
		});
		assertThat(totalIn(response, "phq9-total")).isEqualTo(new IntegerType(13).getValue());
	}

	@Test
	void gad7TotalIsComputedFromTheAnswers() {
		QuestionnaireResponse response = screener("gad7", 3, 3, 2, 2, 1, 0, 3);
		response.addItem().setLinkId("gad7-total").addAnswer().setValue(new IntegerType(0));

		assertThat(score("gad-7", response)).singleElement().satisfies(total -> {
			assertThat(total.value()).isEqualByComparingTo("14");
			assertThat(total.loinc()).isEqualTo("70274-6");
		});
	}

	@Test
	void ordinalValuesSentByTheClientAreReplacedByTheQuestionnaires() {
		QuestionnaireResponse response = screener("phq9", 0, 0, 0, 0, 0, 0, 0, 0, 0);
		response.getItem()
			.forEach(item -> ((Coding) item.getAnswerFirstRep().getValue()).addExtension(FhirUrls.ORDINAL_VALUE,
					new DecimalType(3)));

		assertThat(score("phq-9", response)).singleElement()
			.satisfies(total -> assertThat(total.value()).isEqualByComparingTo("0"));
	}

	@Test
	void anUnansweredFormScoresZeroAndAnUnknownOptionIsRefused() {
		assertThat(score("phq-9", new QuestionnaireResponse())).singleElement()
			.satisfies(total -> assertThat(total.value()).isEqualByComparingTo("0"));

		QuestionnaireResponse odd = screener("phq9", 1);
		odd.getItemFirstRep().getAnswerFirstRep().setValue(new Coding(LOINC, "LA0000-0", "Invented"));
		HeimaProblemException refused = catchThrowableOfType(HeimaProblemException.class, () -> score("phq-9", odd));
		assertThat(refused.type()).isEqualTo(ProblemType.INVALID_RESPONSE);
		assertThat(refused.errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("phq9-1");
			assertThat(e.code()).isEqualTo("unknown-option");
		});
	}

	@Test
	void variablesOfTheRootAndOfItemsFeedCalculatedExpressions() {
		Questionnaire questionnaire = fhir.parseQuestionnaire(TestFhir.fixture("questionnaire-with-variables.json"));
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.addItem().setLinkId("a").addAnswer().setValue(new IntegerType(3));
		response.addItem().setLinkId("b").addAnswer().setValue(new IntegerType(4));
		response.addItem().setLinkId("weighted").addAnswer().setValue(new IntegerType(1000));

		List<Score> scores = new Scorer(fhir.fhirPath()).score(questionnaire, response);

		assertThat(scores).extracting(Score::linkId).containsExactly("band", "weighted", "mean");
		assertThat(scores.get(0).valueText()).isEqualTo("high");
		assertThat(scores.get(1).value()).isEqualByComparingTo("14");
		assertThat(scores.get(1).loinc()).isNull();
		assertThat(scores.get(2).value()).isEqualByComparingTo(new BigDecimal("3.5"));
		// the missing group was added so the calculated item inside it has a place
		assertThat(response.getItem()).extracting(QuestionnaireResponseItemComponent::getLinkId).contains("details");
	}

	@Test
	void sumAndOrdinalFunctionsWorkAlthoughHapisR4EngineLacksThem() {
		Questionnaire questionnaire = fhir.parseQuestionnaire("""
				{"resourceType": "Questionnaire", "status": "draft", "item": [
				  {"linkId": "q1", "type": "choice", "answerOption": [
				    {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/itemWeight", "valueDecimal": 2}],
				     "valueCoding": {"system": "urn:t", "code": "x"}}]},
				  {"linkId": "q2", "type": "choice", "answerOption": [
				    {"valueCoding": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue",
				      "valueDecimal": 5}], "system": "urn:t", "code": "y"}}]},
				  {"linkId": "total", "type": "integer", "extension": [{
				    "url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
				    "valueExpression": {"language": "text/fhirpath",
				      "expression": "%resource.item.answer.value.ordinal().sum()"}}]}]}
				""");
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.addItem().setLinkId("q1").addAnswer().setValue(new Coding("urn:t", "x", null));
		response.addItem().setLinkId("q2").addAnswer().setValue(new Coding("urn:t", "y", null));

		assertThat(new Scorer(fhir.fhirPath()).score(questionnaire, response)).singleElement()
			.satisfies(total -> assertThat(total.value()).isEqualByComparingTo("7"));
	}

	@Test
	void aFhirPathErrorOnTheDataIsReportedNotSwallowed() {
		Questionnaire questionnaire = fhir.parseQuestionnaire(TestFhir.fixture("questionnaire-scoring-fails.json"));
		QuestionnaireResponse fails = new QuestionnaireResponse();
		fails.addItem().setLinkId("a").addAnswer().setValue(new IntegerType(9));
		QuestionnaireResponse works = new QuestionnaireResponse();
		works.addItem().setLinkId("a").addAnswer().setValue(new IntegerType(6));

		Scorer failing = new Scorer(fhir.fhirPath());
		List<Score> none = failing.score(questionnaire, fails);
		Scorer working = new Scorer(fhir.fhirPath());
		List<Score> six = working.score(questionnaire, works);

		assertThat(none).singleElement().satisfies((total) -> assertThat(total.value()).isNull());
		assertThat(failing.failures()).singleElement().asString().contains("total");
		assertThat(six).singleElement().satisfies((total) -> assertThat(total.value()).isEqualByComparingTo("6"));
		assertThat(working.failures()).isEmpty();
	}

	private List<Score> score(String seed, QuestionnaireResponse response) {
		return new Scorer(fhir.fhirPath()).score(fhir.parseQuestionnaire(TestFhir.seed(seed)), response);
	}

	/** A response choosing, for item i, the answer with ordinal {@code ordinals[i]}. */
	static QuestionnaireResponse screener(String prefix, int... ordinals) {
		QuestionnaireResponse response = new QuestionnaireResponse();
		for (int i = 0; i < ordinals.length; i++) {
			response.addItem()
				.setLinkId(prefix + "-" + (i + 1))
				.addAnswer()
				.setValue(new Coding(LOINC, ANSWER_CODES[ordinals[i]], null));
		}
		return response;
	}

	private static Integer totalIn(QuestionnaireResponse response, String linkId) {
		return response.getItem()
			.stream()
			.filter(item -> item.getLinkId().equals(linkId))
			.map(item -> ((IntegerType) item.getAnswerFirstRep().getValue()).getValue())
			.findFirst()
			.orElseThrow();
	}

}
