package no.heima.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.heima.attachment.InlineAttachments;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.testsupport.SdcCorpus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every case of the SDC conformance corpus ({@code src/test/resources/sdc/}) through the
 * conformance engine: stored answers, drops and scores as the table says, or the refusal
 * with its problem type, question text (in the patient's language) and limit.
 */
class ConformanceCorpusTest {

	private final ValidatorAndFhirPath fhir = TestFhir.gateway();

	@Test
	void theCorpusIsLargeEnoughAndEveryQuestionnaireImportsOrIsRefusedAsItsNotesSay() {
		List<SdcCorpus.Form> forms = SdcCorpus.forms();
		assertThat(forms).hasSizeGreaterThanOrEqualTo(8);
		assertThat(forms).extracting((f) -> fhir.parseQuestionnaire(f.questionnaireJson()).getLanguage())
			.contains("nb-NO", "en");
		for (SdcCorpus.Form form : forms) {
			var outcome = TestFhir.validation().validate(form.questionnaireJson());
			if (form.importRefused()) {
				HeimaProblemException refused = catchThrowableOfType(HeimaProblemException.class, outcome::block);
				assertThat(refused).as(form.folder()).isNotNull();
				assertThat(refused.type()).isEqualTo(ProblemType.INVALID_QUESTIONNAIRE);
				assertThat(refused.errors()).as(form.folder())
					.anySatisfy((e) -> assertThat(e.code()).isEqualTo(form.notes().get("code").asString()));
			}
			else {
				assertThat(outcome.block()).as(form.folder()).isNotNull();
			}
		}
	}

	@TestFactory
	Stream<DynamicTest> everyCase() {
		List<DynamicTest> tests = new ArrayList<>();
		for (SdcCorpus.Form form : SdcCorpus.forms()) {
			if (form.importRefused()) {
				continue;
			}
			Questionnaire questionnaire = fhir.parseQuestionnaire(form.questionnaireJson());
			for (SdcCorpus.Case c : form.cases()) {
				tests.add(DynamicTest.dynamicTest(c.toString(), () -> {
					try {
						run(questionnaire, c);
					}
					catch (AssertionError | RuntimeException ex) {
						throw new AssertionError(c + ": " + ex.getMessage(), ex);
					}
				}));
			}
		}
		return tests.stream();
	}

	private void run(Questionnaire questionnaire, SdcCorpus.Case c) {
		QuestionnaireResponse response = fhir.parseResponse(c.responseJson());
		String language = c.language() != null ? c.language() : Translations.language(questionnaire);
		Conformance engine = new Conformance(fhir.fhirPath());
		JsonNode expect = c.expect();
		if (c.stored()) {
			Conformance.Result result = engine.conform(questionnaire, response, language, InlineAttachments::facts);
			assertStored(expect, result, response);
			return;
		}
		HeimaProblemException refused = catchThrowableOfType(HeimaProblemException.class,
				() -> engine.conform(questionnaire, response, language, InlineAttachments::facts));
		assertThat(refused).as("refused").isNotNull();
		assertRefused(expect, refused);
	}

	static void assertStored(JsonNode expect, Conformance.Result result, QuestionnaireResponse stored) {
		List<String> dropped = new ArrayList<>();
		expect.path("dropped").forEach((d) -> dropped.add(d.asString()));
		assertThat(result.dropped()).extracting(DroppedAnswer::linkId).containsExactlyInAnyOrderElementsOf(dropped);
		expect.path("scores").properties().forEach((e) -> {
			Score score = result.scores()
				.stream()
				.filter((s) -> s.linkId().equals(e.getKey()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no score " + e.getKey()));
			assertThat(SdcCorpus.sameScore(e.getValue(), score.value(), score.valueText()))
				.as("score %s = %s, expected %s", e.getKey(), score.valueText(), e.getValue())
				.isTrue();
		});
		expect.path("answers").properties().forEach((e) -> {
			List<Type> actual = SdcCorpus.answers(stored, e.getKey());
			List<Type> wanted = SdcCorpus.expectedAnswers(e.getValue());
			assertThat(actual).as("answers of %s", e.getKey()).hasSameSizeAs(wanted);
			for (int i = 0; i < wanted.size(); i++) {
				assertThat(SdcCorpus.sameValue(wanted.get(i), actual.get(i)))
					.as("answer %d of %s: %s", i, e.getKey(), actual.get(i).fhirType() + " " + actual.get(i))
					.isTrue();
			}
		});
		expect.path("absent")
			.forEach(
					(a) -> assertThat(SdcCorpus.present(stored, a.asString())).as("%s absent", a.asString()).isFalse());
	}

	@SuppressWarnings("unchecked")
	static void assertRefused(JsonNode expect, HeimaProblemException refused) {
		String type = expect.get("type").asString();
		assertThat(refused.type().uri()).isEqualTo("urn:heima:problem:" + type);
		if (refused.type() == ProblemType.INVALID_RESPONSE) {
			assertThat(refused.errors())
				.anySatisfy((e) -> assertThat(e.field()).isEqualTo(expect.get("linkId").asString()));
			return;
		}
		List<Map<String, Object>> answers = (List<Map<String, Object>>) refused.properties().get("answers");
		Map<String, Object> first = answers.get(0);
		assertThat(first.get("linkId")).isEqualTo(expect.get("linkId").asString());
		if (expect.has("text")) {
			assertThat(first.get("text")).isEqualTo(expect.get("text").asString());
		}
		if (expect.has("limit")) {
			assertThat(first.get("limit")).isEqualTo(expect.get("limit").asString());
		}
		assertThat(refused.getMessage()).startsWith((String) first.get("text"));
	}

}
