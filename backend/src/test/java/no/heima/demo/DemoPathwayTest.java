package no.heima.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.heima.fhir.FhirJson;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayDefinition;
import no.heima.triage.AnswerTriggerTriage;
import no.heima.triage.Level;
import no.heima.triage.Reason;
import no.heima.triage.TrendTriage;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

/**
 * The demo pathway triages what a worsening heart-failure patient reports: the symptom
 * answers (by the built-in form's own linkIds and codes) and a weight gain of 2.1 kg in
 * three days.
 */
class DemoPathwayTest {

	private static final String HF = "https://heima.example/fhir/Questionnaire/heart-failure-symptoms";

	private static final String HF_CODES = "https://heima.example/fhir/CodeSystem/heart-failure-symptoms";

	private final PathwayDefinition demo = DemoPathway.definition(HF, "1.0.0");

	private Activity activity(String id) {
		return this.demo.activities().stream().filter((a) -> a.id().equals(id)).findFirst().orElseThrow();
	}

	@Test
	void everyTriggerNamesAQuestionAndAnswerOfTheBuiltInForm() throws Exception {
		Questionnaire form;
		try (InputStream in = getClass().getResourceAsStream("/questionnaires/heart-failure-symptoms.json")) {
			form = FhirJson.read(Questionnaire.class,
					new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		Map<String, QuestionnaireItemComponent> items = new HashMap<>();
		collect(form.getItem(), items);
		assertThat(activity("symptoms").triggers()).isNotEmpty().allSatisfy((trigger) -> {
			QuestionnaireItemComponent item = items.get(trigger.linkId());
			assertThat(item).as(trigger.linkId()).isNotNull();
			for (String code : trigger.codes()) {
				if (item.getType() == Questionnaire.QuestionnaireItemType.BOOLEAN) {
					assertThat(code).isIn("true", "false");
				}
				else {
					assertThat(item.getAnswerOption())
						.anySatisfy((o) -> assertThat(((Coding) o.getValue()).getCode()).isEqualTo(code));
				}
			}
		});
	}

	@Test
	void moreBreathlessIsYellowAndBreathlessAtRestRed() {
		assertThat(
				level(AnswerTriggerTriage.assess(response(false, true, "as-usual"), activity("symptoms").triggers())))
			.isEqualTo(Level.YELLOW);
		assertThat(level(
				AnswerTriggerTriage.assess(response(true, true, "more-than-usual"), activity("symptoms").triggers())))
			.isEqualTo(Level.RED);
		assertThat(AnswerTriggerTriage.assess(response(false, false, "as-usual"), activity("symptoms").triggers()))
			.isEmpty();
	}

	@Test
	void weightUpMoreThanTwoKiloInThreeDaysIsYellowThreeRed() {
		Instant now = Instant.parse("2026-11-20T08:00:00Z");
		Map<String, List<TrendTriage.Point>> history = Map.of("29463-7",
				List.of(new TrendTriage.Point(now.minus(Duration.ofDays(3)), new BigDecimal("80.0")),
						new TrendTriage.Point(now.minus(Duration.ofDays(1)), new BigDecimal("81.0"))));
		assertThat(level(TrendTriage.assess(Map.of("29463-7", new BigDecimal("82.1")), now, history,
				activity("weight").trends())))
			.isEqualTo(Level.YELLOW);
		assertThat(level(TrendTriage.assess(Map.of("29463-7", new BigDecimal("83.0")), now, history,
				activity("weight").trends())))
			.isEqualTo(Level.RED);
		assertThat(TrendTriage.assess(Map.of("29463-7", new BigDecimal("81.5")), now, history,
				activity("weight").trends()))
			.isEmpty();
	}

	private static Level level(List<Reason> reasons) {
		return reasons.stream().map(Reason::level).reduce(Level.GREEN, Level::worst);
	}

	private static QuestionnaireResponse response(boolean atRest, boolean more, String swelling) {
		return FhirJson.read(QuestionnaireResponse.class, """
				{"resourceType": "QuestionnaireResponse", "status": "completed", "item": [
				 {"linkId": "hf-breathless-rest", "answer": [{"valueBoolean": %s}]},
				 {"linkId": "hf-more-breathless", "answer": [{"valueBoolean": %s}]},
				 {"linkId": "hf-swelling", "answer": [{"valueCoding": {"system": "%s", "code": "%s"}}]},
				 {"linkId": "hf-weight-gain", "answer": [{"valueBoolean": false}]}]}
				""".formatted(atRest, more, HF_CODES, swelling));
	}

	private static void collect(List<QuestionnaireItemComponent> items, Map<String, QuestionnaireItemComponent> all) {
		for (QuestionnaireItemComponent item : items) {
			all.put(item.getLinkId(), item);
			collect(item.getItem(), all);
		}
	}

}
