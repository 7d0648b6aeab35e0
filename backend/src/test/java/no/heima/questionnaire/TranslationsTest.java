package no.heima.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;

class TranslationsTest {

	private final Questionnaire questionnaire = TestFhir.gateway()
		.parseQuestionnaire(
				"""
						{"resourceType": "Questionnaire", "language": "nb-NO", "status": "draft", "title": "Hjertesvikt",
						 "_title": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/translation",
						   "extension": [{"url": "lang", "valueCode": "en-GB"}, {"url": "content", "valueString": "Heart failure"}]}]}}
						""");

	@Test
	void titleInALanguageMatchesOnThePrimarySubtag() {
		assertThat(Translations.title(questionnaire, "nb")).isEqualTo("Hjertesvikt");
		assertThat(Translations.title(questionnaire, "en")).isEqualTo("Heart failure");
		assertThat(Translations.title(questionnaire, "en-US")).isEqualTo("Heart failure");
	}

	@Test
	void aMissingTranslationFallsBackToTheQuestionnairesOwnText() {
		assertThat(Translations.title(questionnaire, "se")).isEqualTo("Hjertesvikt");
		assertThat(Translations.title(questionnaire, null)).isEqualTo("Hjertesvikt");
	}

	@Test
	void allLanguagesOwnFirst() {
		assertThat(Translations.all(questionnaire.getTitleElement(), questionnaire.getLanguage()))
			.containsExactly(Map.entry("nb", "Hjertesvikt"), Map.entry("en", "Heart failure"));
	}

	@Test
	void theLibraryEntryGivesTheTitleInALanguage() {
		QuestionnaireRef ref = new QuestionnaireRef(null, "u", "1", "Hjertesvikt",
				Map.of("nb", "Hjertesvikt", "en", "Heart failure"), "active", false, null, null, null);
		assertThat(ref.title("en-GB")).isEqualTo("Heart failure");
		assertThat(ref.title("nn")).isEqualTo("Hjertesvikt");
		assertThat(ref.canonical()).isEqualTo("u|1");
	}

}
