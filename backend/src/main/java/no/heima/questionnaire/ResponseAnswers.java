package no.heima.questionnaire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.heima.problem.FieldProblem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * Makes a response safe to score: what the client sent for calculated items is dropped,
 * and every chosen Coding carries the ordinal value the questionnaire gives its option
 * (never one the client sent). A Coding that is none of the item's options is refused:
 * scoring it as nothing would understate the score.
 */
final class ResponseAnswers {

	private ResponseAnswers() {
	}

	static List<FieldProblem> normalise(Map<String, QuestionnaireItemComponent> items, QuestionnaireResponse response) {
		List<FieldProblem> problems = new ArrayList<>();
		normalise(items, response.getItem(), problems);
		return problems;
	}

	/** Every item of a questionnaire by linkId, nested ones included. */
	static Map<String, QuestionnaireItemComponent> byLinkId(List<QuestionnaireItemComponent> items) {
		Map<String, QuestionnaireItemComponent> all = new HashMap<>();
		collect(items, all);
		return all;
	}

	private static void collect(List<QuestionnaireItemComponent> items, Map<String, QuestionnaireItemComponent> all) {
		for (QuestionnaireItemComponent item : items) {
			all.putIfAbsent(item.getLinkId(), item);
			collect(item.getItem(), all);
		}
	}

	private static void normalise(Map<String, QuestionnaireItemComponent> items,
			List<QuestionnaireResponseItemComponent> answered, List<FieldProblem> problems) {
		for (QuestionnaireResponseItemComponent item : answered) {
			QuestionnaireItemComponent definition = items.get(item.getLinkId());
			if (definition != null && definition.hasExtension(FhirUrls.CALCULATED_EXPRESSION)) {
				item.getAnswer().clear();
			}
			for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
				if (definition != null && answer.getValue() instanceof Coding coding) {
					ordinal(definition, coding, problems);
				}
				normalise(items, answer.getItem(), problems);
			}
			normalise(items, item.getItem(), problems);
		}
	}

	private static void ordinal(QuestionnaireItemComponent definition, Coding chosen, List<FieldProblem> problems) {
		chosen.getExtension()
			.removeIf(e -> FhirUrls.ORDINAL_VALUE.equals(e.getUrl()) || FhirUrls.ITEM_WEIGHT.equals(e.getUrl()));
		if (!definition.hasAnswerOption()) {
			return;
		}
		for (QuestionnaireItemAnswerOptionComponent option : definition.getAnswerOption()) {
			if (option.getValue() instanceof Coding offered && Objects.equals(offered.getSystem(), chosen.getSystem())
					&& Objects.equals(offered.getCode(), chosen.getCode())) {
				Type value = ordinalOf(option, offered);
				if (value != null) {
					chosen.addExtension(FhirUrls.ORDINAL_VALUE, value.copy());
				}
				return;
			}
		}
		problems.add(new FieldProblem(definition.getLinkId(), "unknown-option",
				"'" + chosen.getSystem() + "|" + chosen.getCode() + "' is not one of the item's answer options"));
	}

	private static Type ordinalOf(QuestionnaireItemAnswerOptionComponent option, Coding offered) {
		// getExtensionByUrl answers null when absent, hence asList rather than List.of
		for (Extension extension : Arrays.asList(option.getExtensionByUrl(FhirUrls.ORDINAL_VALUE),
				option.getExtensionByUrl(FhirUrls.ITEM_WEIGHT), offered.getExtensionByUrl(FhirUrls.ORDINAL_VALUE),
				offered.getExtensionByUrl(FhirUrls.ITEM_WEIGHT))) {
			if (extension != null && extension.getValue() != null) {
				return extension.getValue();
			}
		}
		return null;
	}

}
