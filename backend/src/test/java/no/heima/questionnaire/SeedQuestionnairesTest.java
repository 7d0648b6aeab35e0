package no.heima.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * The built-in questionnaires pass Heima's own import gate and speak both Norwegian
 * Bokmål and English everywhere a person reads them.
 */
class SeedQuestionnairesTest {

	private final ValidatorAndFhirPath fhir = TestFhir.gateway();

	@Test
	void everySeedImportsCleanly() {
		List<String> seeds = SeedQuestionnaires.all();
		assertThat(seeds).hasSize(4);
		QuestionnaireValidation validation = TestFhir.validation();
		for (String json : seeds) {
			QuestionnaireValidation.Valid valid = validation.validateNow(json);
			assertThat(valid.questionnaire().getVersion()).isEqualTo("1.0.0");
			assertThat(valid.questionnaire().getUrl()).startsWith("https://heima.example/fhir/Questionnaire/");
			System.out.printf("[seed] %s: %d warning(s) %s%n", valid.questionnaire().getUrl(), valid.warnings().size(),
					valid.warnings().stream().map(w -> w.field() + " " + w.code()).toList());
		}
	}

	@Test
	void everyTextHasNorwegianAndEnglish() {
		for (String json : SeedQuestionnaires.all()) {
			Questionnaire questionnaire = fhir.parseQuestionnaire(json);
			assertThat(questionnaire.getLanguage()).isEqualTo("nb-NO");
			bothLanguages(questionnaire.getUrl() + " title", questionnaire.getTitleElement());
			assertThat(Translations.title(questionnaire, "en")).isNotEqualTo(Translations.title(questionnaire, "nb"));
			items(questionnaire.getUrl(), questionnaire.getItem());
		}
	}

	@Test
	void theSeedsAreTheAgreedOnes() {
		List<Questionnaire> seeds = SeedQuestionnaires.all().stream().map(fhir::parseQuestionnaire).toList();

		assertThat(seeds).extracting(Questionnaire::getUrl)
			.containsExactlyInAnyOrder("https://heima.example/fhir/Questionnaire/gad-7",
					"https://heima.example/fhir/Questionnaire/heart-failure-symptoms",
					"https://heima.example/fhir/Questionnaire/phq-9",
					"https://heima.example/fhir/Questionnaire/post-surgery-wound-check");
		Questionnaire phq9 = byUrlEnding(seeds, "phq-9");
		assertThat(Translations.text(item(phq9.getItem(), "phq9-9").getTextElement(), "nb-NO", "en"))
			.startsWith("Thoughts that you would be better off dead");
		Questionnaire heart = byUrlEnding(seeds, "heart-failure-symptoms");
		assertThat(item(heart.getItem(), "hf-breathless-details").getEnableWhenFirstRep().getQuestion())
			.isEqualTo("hf-more-breathless");
		Questionnaire surgery = byUrlEnding(seeds, "post-surgery-wound-check");
		assertThat(item(surgery.getItem(), "ps-temperature").getEnableWhenFirstRep().getQuestion())
			.isEqualTo("ps-fever");
	}

	private static void items(String where, List<QuestionnaireItemComponent> items) {
		for (QuestionnaireItemComponent item : items) {
			bothLanguages(where + " " + item.getLinkId(), item.getTextElement());
			for (QuestionnaireItemAnswerOptionComponent option : item.getAnswerOption()) {
				Coding coding = option.getValueCoding();
				bothLanguages(where + " " + item.getLinkId() + " option " + coding.getCode(),
						coding.getDisplayElement());
			}
			items(where, item.getItem());
		}
	}

	private static void bothLanguages(String what, StringType element) {
		var texts = Translations.all(element, "nb-NO");
		assertThat(texts).as(what).containsKeys("nb", "en");
		assertThat(texts.values()).as(what).allSatisfy(text -> assertThat(text).isNotBlank());
	}

	private static Questionnaire byUrlEnding(List<Questionnaire> seeds, String name) {
		return seeds.stream().filter(q -> q.getUrl().endsWith("/" + name)).findFirst().orElseThrow();
	}

	private static QuestionnaireItemComponent item(List<QuestionnaireItemComponent> items, String linkId) {
		for (QuestionnaireItemComponent item : items) {
			if (item.getLinkId().equals(linkId)) {
				return item;
			}
			for (QuestionnaireItemComponent child : item.getItem()) {
				if (child.getLinkId().equals(linkId)) {
					return child;
				}
			}
		}
		throw new AssertionError("no item " + linkId);
	}

}
