package no.heima.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which validator findings block, on messages shaped like HAPI 8.8.0's. */
class ValidatorPolicyTest {

	@Test
	void languageCodesOutsideCommonLanguagesAreExcusedWhenWellFormed() {
		var outcome = ValidatorPolicy.classify(List.of(
				message(ResultSeverityEnum.ERROR, "Questionnaire.language",
						"Code \"nb-NO\" is not in valueset: http://hl7.org/fhir/ValueSet/languages"),
				message(ResultSeverityEnum.ERROR, "Questionnaire.title.extension[0].extension[0].value.ofType(code)",
						"Code \"nn\" is not in valueset: http://hl7.org/fhir/ValueSet/languages")));

		assertThat(outcome.errors()).isEmpty();
		assertThat(outcome.warnings()).hasSize(2)
			.allSatisfy(w -> assertThat(w.code()).isEqualTo(ValidatorPolicy.LANGUAGE_NOT_COMMON));
	}

	@Test
	void malformedLanguageCodesAndOtherErrorsBlock() {
		var outcome = ValidatorPolicy.classify(List.of(
				message(ResultSeverityEnum.ERROR, "Questionnaire.language",
						"Code \"nb_NO!\" is not in valueset: http://hl7.org/fhir/ValueSet/languages"),
				message(ResultSeverityEnum.FATAL, "Questionnaire", "Broken"),
				message(ResultSeverityEnum.WARNING, "Questionnaire", "Consider narrative"),
				message(ResultSeverityEnum.INFORMATION, "Questionnaire", "Unknown extension")));

		assertThat(outcome.errors()).hasSize(2);
		assertThat(outcome.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("narrative"));
	}

	private static SingleValidationMessage message(ResultSeverityEnum severity, String location, String text) {
		SingleValidationMessage message = new SingleValidationMessage();
		message.setSeverity(severity);
		message.setLocationString(location);
		message.setMessage(text);
		message.setMessageId("Terminology_PassThrough_TX_Message");
		return message;
	}

}
