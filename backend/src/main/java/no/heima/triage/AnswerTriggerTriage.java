package no.heima.triage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.heima.pathway.AnswerTrigger;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * Single-answer triggers on a response as the server scored it (so a chosen option
 * carries the questionnaire's ordinal value, never the client's).
 */
public final class AnswerTriggerTriage {

	private static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

	private AnswerTriggerTriage() {
	}

	public static List<Reason> assess(QuestionnaireResponse response, List<AnswerTrigger> triggers) {
		Map<String, List<QuestionnaireResponseItemAnswerComponent>> answers = new HashMap<>();
		collect(response.getItem(), answers);
		List<Reason> reasons = new ArrayList<>();
		for (AnswerTrigger trigger : triggers) {
			for (QuestionnaireResponseItemAnswerComponent answer : answers.getOrDefault(trigger.linkId(), List.of())) {
				BigDecimal number = number(answer.getValue());
				boolean reached = trigger.atLeast() != null && number != null
						&& number.compareTo(trigger.atLeast()) >= 0;
				boolean listed = trigger.codes().contains(code(answer.getValue()));
				if (reached || listed) {
					reasons.add(new Reason(trigger.linkId(), number, Level.valueOf(trigger.level()), "answer",
							trigger.atLeast(), Reason.Source.PATHWAY));
					break;
				}
			}
		}
		return reasons;
	}

	private static void collect(List<QuestionnaireResponseItemComponent> items,
			Map<String, List<QuestionnaireResponseItemAnswerComponent>> answers) {
		for (QuestionnaireResponseItemComponent item : items) {
			answers.computeIfAbsent(item.getLinkId(), (k) -> new ArrayList<>()).addAll(item.getAnswer());
			collect(item.getItem(), answers);
			item.getAnswer().forEach((a) -> collect(a.getItem(), answers));
		}
	}

	private static BigDecimal number(Type value) {
		if (value instanceof IntegerType integer) {
			return BigDecimal.valueOf(integer.getValue());
		}
		if (value instanceof DecimalType decimal) {
			return decimal.getValue();
		}
		if (value instanceof Coding coding) {
			Extension ordinal = coding.getExtensionByUrl(ORDINAL_VALUE);
			if (ordinal != null && ordinal.getValue() instanceof DecimalType d) {
				return d.getValue();
			}
			if (ordinal != null && ordinal.getValue() instanceof IntegerType i) {
				return BigDecimal.valueOf(i.getValue());
			}
		}
		return null;
	}

	private static String code(Type value) {
		if (value instanceof Coding coding) {
			return coding.getCode();
		}
		if (value instanceof BooleanType yesNo) {
			return String.valueOf(yesNo.getValue());
		}
		return null;
	}

}
