package no.heima.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/**
 * Walking a response beside its questionnaire: where an item's children are, which items
 * enclose an item, the text the patient saw.
 */
final class ResponseTree {

	private final Questionnaire questionnaire;

	private final String language;

	private final Map<String, List<String>> ancestors = new HashMap<>();

	private final Map<String, Integer> order = new HashMap<>();

	ResponseTree(Questionnaire questionnaire, String language) {
		this.questionnaire = questionnaire;
		this.language = language;
		index(questionnaire.getItem(), List.of());
	}

	private void index(List<QuestionnaireItemComponent> items, List<String> path) {
		for (QuestionnaireItemComponent item : items) {
			this.ancestors.putIfAbsent(item.getLinkId(), path);
			this.order.putIfAbsent(item.getLinkId(), this.order.size());
			List<String> below = new ArrayList<>(path);
			below.add(item.getLinkId());
			index(item.getItem(), List.copyOf(below));
		}
	}

	/** Where an item comes in the questionnaire (depth first). */
	int order(String linkId) {
		return this.order.getOrDefault(linkId, Integer.MAX_VALUE);
	}

	/** How many items the questionnaire has. */
	int size() {
		return this.ancestors.size();
	}

	/** The linkIds of the items enclosing {@code linkId}, outermost first. */
	List<String> ancestorsOf(String linkId) {
		return this.ancestors.getOrDefault(linkId, List.of());
	}

	/** The item's text in the patient's language (its linkId when it has none). */
	String text(QuestionnaireItemComponent item) {
		String text = Translations.text(item.getTextElement(), Translations.language(this.questionnaire),
				this.language);
		return (text == null || text.isBlank()) ? item.getLinkId() : text;
	}

	String language() {
		return this.language;
	}

	static List<QuestionnaireResponseItemComponent> instances(List<QuestionnaireResponseItemComponent> answered,
			String linkId) {
		return answered.stream().filter((item) -> linkId.equals(item.getLinkId())).toList();
	}

	/**
	 * The lists a child of {@code instance} may sit in: a group's items; for a question,
	 * the items under each answer (R4) and, from a few clients, beside them.
	 */
	static List<List<QuestionnaireResponseItemComponent>> childLists(QuestionnaireItemComponent definition,
			QuestionnaireResponseItemComponent instance) {
		List<List<QuestionnaireResponseItemComponent>> lists = new ArrayList<>();
		lists.add(instance.getItem());
		if (definition.getType() != QuestionnaireItemType.GROUP) {
			instance.getAnswer().forEach((answer) -> lists.add(answer.getItem()));
		}
		return lists;
	}

	/** Every answer to {@code linkId} anywhere below {@code items}. */
	static void answersTo(String linkId, List<QuestionnaireResponseItemComponent> items,
			List<QuestionnaireResponseItemAnswerComponent> into) {
		for (QuestionnaireResponseItemComponent item : items) {
			if (linkId.equals(item.getLinkId())) {
				into.addAll(item.getAnswer());
			}
			answersTo(linkId, item.getItem(), into);
			item.getAnswer().forEach((answer) -> answersTo(linkId, answer.getItem(), into));
		}
	}

	static boolean calculated(QuestionnaireItemComponent item) {
		return item.hasExtension(FhirUrls.CALCULATED_EXPRESSION);
	}

	/**
	 * Removes what carries no answer: answers without a value or items, and items with
	 * neither answers nor child items (a renderer's empty placeholder, an empty repeating
	 * group). SDC: such items are not part of a response.
	 */
	static void prune(List<QuestionnaireResponseItemComponent> items) {
		for (QuestionnaireResponseItemComponent item : items) {
			prune(item.getItem());
			for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
				prune(answer.getItem());
			}
			item.getAnswer()
				.removeIf((answer) -> (answer.getValue() == null || answer.getValue().isEmpty())
						&& answer.getItem().isEmpty());
		}
		items.removeIf((item) -> item.getAnswer().isEmpty() && item.getItem().isEmpty());
	}

}
