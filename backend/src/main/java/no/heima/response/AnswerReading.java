package no.heima.response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.heima.questionnaire.Translations;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * A stored response read the way a clinician reads it: each answered question in the
 * questionnaire's order, with the question and the chosen option in the viewer's language
 * (from the questionnaire's translations, falling back to its own text), and the answer's
 * value as a stable key ({@code code}, {@code true}, {@code 3}) to compare two responses
 * by.
 */
final class AnswerReading {

	/**
	 * @param calculated a score the server computed (shown with the scores, not as an
	 * answer the patient gave)
	 */
	record Answer(String linkId, String question, List<String> values, List<String> displays, boolean calculated) {
	}

	private static final String CALCULATED_EXPRESSION = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

	private AnswerReading() {
	}

	static List<Answer> read(Questionnaire questionnaire, QuestionnaireResponse response, String language) {
		Map<String, List<Type>> given = new LinkedHashMap<>();
		collect(response.getItem(), given);
		String own = Translations.language(questionnaire);
		List<Answer> answers = new ArrayList<>();
		walk(questionnaire.getItem(), given, own, language, answers);
		return answers;
	}

	private static void collect(List<QuestionnaireResponseItemComponent> items, Map<String, List<Type>> given) {
		for (QuestionnaireResponseItemComponent item : items) {
			for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
				if (answer.getValue() != null) {
					given.computeIfAbsent(item.getLinkId(), (k) -> new ArrayList<>()).add(answer.getValue());
				}
				collect(answer.getItem(), given);
			}
			collect(item.getItem(), given);
		}
	}

	private static void walk(List<QuestionnaireItemComponent> items, Map<String, List<Type>> given, String own,
			String language, List<Answer> answers) {
		for (QuestionnaireItemComponent item : items) {
			List<Type> values = given.get(item.getLinkId());
			if (values != null && !values.isEmpty()) {
				String question = Translations.text(item.getTextElement(), own, language);
				answers.add(new Answer(item.getLinkId(), question != null ? question : item.getLinkId(),
						values.stream().map(AnswerReading::key).toList(),
						values.stream().map((v) -> display(item, v, own, language)).toList(),
						item.hasExtension(CALCULATED_EXPRESSION)));
			}
			walk(item.getItem(), given, own, language, answers);
		}
	}

	/** What two responses are compared by. */
	private static String key(Type value) {
		if (value instanceof Coding coding) {
			return coding.getCode();
		}
		if (value instanceof Quantity quantity) {
			return plain(quantity.getValue()) + " " + Objects.toString(quantity.getUnit(), "");
		}
		if (value instanceof DecimalType decimal) {
			return plain(decimal.getValue());
		}
		if (value instanceof org.hl7.fhir.r4.model.Attachment file) {
			// the file itself is shown beside the answer (ResponseReading.AttachmentLink)
			return file.hasTitle() ? file.getTitle() : Objects.toString(file.getContentType(), "");
		}
		return value.primitiveValue();
	}

	private static String display(QuestionnaireItemComponent item, Type value, String own, String language) {
		if (value instanceof BooleanType bool) {
			boolean english = "en".equals(Translations.primarySubtag(language));
			return Boolean.TRUE.equals(bool.getValue()) ? (english ? "Yes" : "Ja") : (english ? "No" : "Nei");
		}
		if (value instanceof Coding coding) {
			for (QuestionnaireItemAnswerOptionComponent option : item.getAnswerOption()) {
				if (option.getValue() instanceof Coding offered && Objects.equals(offered.getCode(), coding.getCode())
						&& Objects.equals(offered.getSystem(), coding.getSystem())) {
					String text = Translations.text(offered.getDisplayElement(), own, language);
					if (text != null) {
						return text;
					}
				}
			}
			return coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
		}
		if (value instanceof IntegerType integer) {
			return String.valueOf(integer.getValue());
		}
		return key(value);
	}

	private static String plain(BigDecimal number) {
		if (number == null) {
			return "";
		}
		BigDecimal stripped = number.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

}
