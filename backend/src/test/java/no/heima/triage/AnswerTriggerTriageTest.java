package no.heima.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import no.heima.pathway.AnswerTrigger;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Single-answer triggers at, below and above their number, and by code. */
class AnswerTriggerTriageTest {

	private static final AnswerTrigger ITEM_9 = new AnswerTrigger("phq9-9", BigDecimal.ONE, List.of(), "RED");

	@ParameterizedTest(name = "ordinal {0}: fires {1}")
	@CsvSource({ "0, false", "1, true", "3, true", "0.99, false" })
	void byTheChosenOptionsOrdinal(BigDecimal ordinal, boolean fires) {
		QuestionnaireResponse response = new QuestionnaireResponse();
		Coding chosen = new Coding("http://loinc.org", "LA6569-3", null);
		chosen.addExtension("http://hl7.org/fhir/StructureDefinition/ordinalValue", new DecimalType(ordinal));
		response.addItem().setLinkId("phq9-9").addAnswer().setValue(chosen);

		List<Reason> reasons = AnswerTriggerTriage.assess(response, List.of(ITEM_9));

		assertThat(reasons).hasSize(fires ? 1 : 0);
		reasons.forEach((r) -> assertThat(r.level()).isEqualTo(Level.RED));
	}

	@ParameterizedTest(name = "yes/no answer {0}: fires {1}")
	@CsvSource({ "true, true", "false, false" })
	void byCodeForAYesNoQuestion(boolean answer, boolean fires) {
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.addItem().setLinkId("hf-breathless-rest").addAnswer().setValue(new BooleanType(answer));

		List<Reason> reasons = AnswerTriggerTriage.assess(response,
				List.of(new AnswerTrigger("hf-breathless-rest", null, List.of("true"), "YELLOW")));

		assertThat(reasons).hasSize(fires ? 1 : 0);
	}

}
