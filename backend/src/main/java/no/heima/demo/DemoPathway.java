package no.heima.demo;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import no.heima.pathway.Activity;
import no.heima.pathway.AnswerTrigger;
import no.heima.pathway.CombinationRule;
import no.heima.pathway.LocalizedText;
import no.heima.pathway.PathwayDefinition;
import no.heima.pathway.Schedule;
import no.heima.pathway.Threshold;
import no.heima.pathway.TrendRule;
import no.heima.vital.Vital;

/**
 * The demo heart-failure pathway: a daily symptom questionnaire, weight and blood
 * pressure, with illustrative bounds. The symptom answers and the weight trend triage
 * (breathless at rest is red; more breathless, more swelling, waking breathless, sleeping
 * sitting up or a noticed weight gain yellow; weight up 2 kg within 3 days yellow, 3 kg
 * red), so the default run shows a nurse a worsening patient. Invented for the demo, not
 * clinical advice.
 */
final class DemoPathway {

	static final String NAME = "Hjertesvikt – hjemmeoppfølging (demo)";

	/** Answers of the heart-failure symptom form (linkIds and codes of that form). */
	static final List<AnswerTrigger> SYMPTOM_TRIGGERS = List.of(
			new AnswerTrigger("hf-breathless-rest", null, List.of("true"), "RED"),
			new AnswerTrigger("hf-more-breathless", null, List.of("true"), "YELLOW"),
			new AnswerTrigger("hf-breathless-night", null, List.of("true"), "YELLOW"),
			new AnswerTrigger("hf-swelling", null, List.of("more-than-usual"), "YELLOW"),
			new AnswerTrigger("hf-sleep-position", null, List.of("sitting"), "YELLOW"),
			new AnswerTrigger("hf-weight-gain", null, List.of("true"), "YELLOW"));

	/** Fluid retention: body weight up within three days. */
	static final List<TrendRule> WEIGHT_TRENDS = List.of(
			new TrendRule(Vital.BODY_WEIGHT.loinc(), 3, new BigDecimal("2"), null, "YELLOW"),
			new TrendRule(Vital.BODY_WEIGHT.loinc(), 3, new BigDecimal("3"), null, "RED"));

	private DemoPathway() {
	}

	static PathwayDefinition definition(String questionnaireUrl, String questionnaireVersion) {
		// wide windows, so the demo has something due whenever it is tried
		Schedule daily = new Schedule(Schedule.Kind.DAILY, LocalTime.of(6, 0), LocalTime.of(22, 0), null, null, null,
				null);
		return new PathwayDefinition(NAME,
				new LocalizedText("Daglig oppfølging hjemme etter innleggelse for hjertesvikt.",
						"Daily follow-up at home after a hospital stay for heart failure."),
				List.of(new Activity("symptoms", Activity.Type.QUESTIONNAIRE, "Symptomer", questionnaireUrl,
						questionnaireVersion, null, daily, List.of(), List.of(), SYMPTOM_TRIGGERS, false, null,
						new LocalizedText("Symptomer", "Symptoms")),
						new Activity("weight", Activity.Type.MEASUREMENT, "Vekt", null, null, Vital.BODY_WEIGHT, daily,
								List.of(), WEIGHT_TRENDS, List.of(), false, null, new LocalizedText("Vekt", "Weight")),
						new Activity("blood-pressure", Activity.Type.MEASUREMENT, "Blodtrykk og puls", null, null,
								Vital.BLOOD_PRESSURE, daily,
								List.of(bounds("8480-6", 90, 100, 140, 180), bounds("8462-4", 40, 50, 90, 110),
										bounds("8867-4", 40, 50, 100, 120)),
								List.of(), List.of(), false, null,
								new LocalizedText("Blodtrykk og puls", "Blood pressure and pulse"))),
				new PathwayDefinition.Advice(
						new LocalizedText("Verdiene dine er som forventet. Fortsett som før.",
								"Your values are as expected. Carry on as before."),
						new LocalizedText(
								"Verdiene dine er litt utenfor det vanlige. Mål på nytt om en time. Sykepleier ser på det innen neste virkedag.",
								"Your values are a little outside the usual. Measure again in an hour. A nurse will look at it by the next working day."),
						new LocalizedText(
								"Verdiene dine er langt utenfor det vanlige. Ring avdelingen nå. Ved brystsmerter eller alvorlig tungpust: ring 113.",
								"Your values are far outside the usual. Call the ward now. With chest pain or severe breathlessness: call 113.")),
				List.of(FLUID_AND_BREATH), new LocalizedText(NAME, "Heart failure – home follow-up (demo)"));
	}

	/**
	 * Weight gain and more breathlessness within three days together: red (each alone is
	 * yellow).
	 */
	static final CombinationRule FLUID_AND_BREATH = new CombinationRule("weight-gain-and-breathless",
			List.of(new CombinationRule.Condition("weight", Vital.BODY_WEIGHT.loinc(), null),
					new CombinationRule.Condition("symptoms", "hf-more-breathless", null)),
			3, "RED", new LocalizedText("Vektøkning og mer tungpust innen tre dager",
					"Weight gain and more breathless within three days"));

	/** A yes to the question fires the trigger. */
	private static AnswerTrigger answer(String linkId, String level) {
		return new AnswerTrigger(linkId, null, List.of("true"), level);
	}

	private static Threshold bounds(String code, int redLow, int yellowLow, int yellowHigh, int redHigh) {
		return new Threshold(code, BigDecimal.valueOf(redLow), BigDecimal.valueOf(yellowLow),
				BigDecimal.valueOf(yellowHigh), BigDecimal.valueOf(redHigh));
	}

}
