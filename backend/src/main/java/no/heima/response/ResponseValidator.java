package no.heima.response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.heima.problem.FieldProblem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * Checks a completed QuestionnaireResponse against its Questionnaire: every item exists
 * where it is answered, answers have the item's type, choices are among the options,
 * single items have one answer, required items that are enabled are answered, and items
 * that enableWhen switches off carry no answers. Calculated items are skipped: the server
 * computes them. Every problem is reported with the item's linkId.
 */
final class ResponseValidator {

	private static final String CALCULATED = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

	private final Map<String, List<QuestionnaireResponseItemAnswerComponent>> answersByLinkId = new HashMap<>();

	private final List<FieldProblem> problems = new ArrayList<>();

	private ResponseValidator() {
	}

	static List<FieldProblem> validate(Questionnaire questionnaire, QuestionnaireResponse response) {
		ResponseValidator validator = new ResponseValidator();
		validator.collectAnswers(response.getItem());
		validator.check(questionnaire.getItem(), response.getItem());
		return List.copyOf(validator.problems);
	}

	private void collectAnswers(List<QuestionnaireResponseItemComponent> items) {
		for (QuestionnaireResponseItemComponent item : items) {
			this.answersByLinkId.computeIfAbsent(item.getLinkId(), (k) -> new ArrayList<>()).addAll(item.getAnswer());
			collectAnswers(item.getItem());
			item.getAnswer().forEach((a) -> collectAnswers(a.getItem()));
		}
	}

	private void check(List<QuestionnaireItemComponent> definitions, List<QuestionnaireResponseItemComponent> given) {
		Map<String, QuestionnaireItemComponent> byLinkId = new HashMap<>();
		definitions.forEach((d) -> byLinkId.put(d.getLinkId(), d));
		for (QuestionnaireResponseItemComponent item : given) {
			if (!byLinkId.containsKey(item.getLinkId())) {
				add(item.getLinkId(), "unknown-item", "No such question here in the questionnaire");
			}
		}
		for (QuestionnaireItemComponent definition : definitions) {
			List<QuestionnaireResponseItemComponent> matching = given.stream()
				.filter((i) -> definition.getLinkId().equals(i.getLinkId()))
				.toList();
			checkItem(definition, matching);
		}
	}

	private void checkItem(QuestionnaireItemComponent definition, List<QuestionnaireResponseItemComponent> given) {
		String linkId = definition.getLinkId();
		boolean enabled = enabled(definition);
		List<QuestionnaireResponseItemAnswerComponent> answers = given.stream()
			.flatMap((i) -> i.getAnswer().stream())
			.toList();
		boolean hasContent = !answers.isEmpty() || given.stream().anyMatch((i) -> !i.getItem().isEmpty());
		if (!enabled) {
			if (hasContent) {
				add(linkId, "disabled-answered", "Answered although this question does not apply");
			}
			return;
		}
		if (definition.hasExtension(CALCULATED) || definition.getReadOnly()) {
			return;
		}
		Questionnaire.QuestionnaireItemType type = definition.getType();
		if (type == Questionnaire.QuestionnaireItemType.GROUP) {
			if (definition.getRequired() && given.isEmpty()) {
				add(linkId, "required", "This section must be answered");
			}
			List<QuestionnaireResponseItemComponent> children = given.stream()
				.flatMap((i) -> i.getItem().stream())
				.toList();
			check(definition.getItem(), children);
			return;
		}
		if (type == Questionnaire.QuestionnaireItemType.DISPLAY) {
			if (!answers.isEmpty()) {
				add(linkId, "not-a-question", "A text item takes no answer");
			}
			return;
		}
		if (definition.getRequired() && answers.isEmpty()) {
			add(linkId, "required", "This question must be answered");
		}
		if (!definition.getRepeats() && answers.size() > 1) {
			add(linkId, "repeats", "Only one answer is allowed");
		}
		for (QuestionnaireResponseItemAnswerComponent answer : answers) {
			checkAnswer(definition, answer.getValue());
			check(definition.getItem(), answer.getItem());
		}
		List<QuestionnaireResponseItemComponent> nested = given.stream().flatMap((i) -> i.getItem().stream()).toList();
		if (!nested.isEmpty()) {
			check(definition.getItem(), nested);
		}
	}

	private void checkAnswer(QuestionnaireItemComponent definition, Type value) {
		String linkId = definition.getLinkId();
		if (value == null || value.isEmpty()) {
			add(linkId, "empty-answer", "An answer without a value");
			return;
		}
		String expected = switch (definition.getType()) {
			case BOOLEAN -> "boolean";
			case DECIMAL -> "decimal";
			case INTEGER -> "integer";
			case DATE -> "date";
			case DATETIME -> "dateTime";
			case TIME -> "time";
			case STRING, TEXT -> "string";
			case URL -> "uri";
			case QUANTITY -> "Quantity";
			case ATTACHMENT -> "Attachment";
			case REFERENCE -> "Reference";
			case CHOICE, OPENCHOICE -> null;
			default -> "?";
		};
		if (expected != null) {
			if (!expected.equals(value.fhirType())) {
				add(linkId, "type", "Expected an answer of type " + expected + ", got " + value.fhirType());
			}
			else if (value instanceof org.hl7.fhir.r4.model.StringType text && definition.hasMaxLength()
					&& text.getValue().length() > definition.getMaxLength()) {
				add(linkId, "too-long", "At most " + definition.getMaxLength() + " characters");
			}
			return;
		}
		boolean open = definition.getType() == Questionnaire.QuestionnaireItemType.OPENCHOICE;
		if (open && value instanceof org.hl7.fhir.r4.model.StringType) {
			return;
		}
		boolean allowed = definition.getAnswerOption()
			.stream()
			.anyMatch((option) -> sameValue(option.getValue(), value));
		if (!allowed && !definition.hasAnswerValueSet()) {
			add(linkId, "option", "Not one of the answer options");
		}
	}

	private boolean enabled(QuestionnaireItemComponent definition) {
		if (!definition.hasEnableWhen()) {
			return true;
		}
		boolean all = definition.getEnableBehavior() == Questionnaire.EnableWhenBehavior.ALL;
		for (QuestionnaireItemEnableWhenComponent condition : definition.getEnableWhen()) {
			boolean met = met(condition);
			if (all && !met) {
				return false;
			}
			if (!all && met) {
				return true;
			}
		}
		return all;
	}

	private boolean met(QuestionnaireItemEnableWhenComponent condition) {
		List<QuestionnaireResponseItemAnswerComponent> answers = this.answersByLinkId
			.getOrDefault(condition.getQuestion(), List.of());
		Questionnaire.QuestionnaireItemOperator operator = condition.getOperator();
		if (operator == Questionnaire.QuestionnaireItemOperator.EXISTS) {
			boolean wanted = condition.getAnswerBooleanType().booleanValue();
			return answers.isEmpty() != wanted;
		}
		Type expected = condition.getAnswer();
		return switch (operator) {
			case EQUAL -> answers.stream().anyMatch((a) -> sameValue(a.getValue(), expected));
			case NOT_EQUAL ->
				answers.stream().noneMatch((a) -> sameValue(a.getValue(), expected)) && !answers.isEmpty();
			case GREATER_THAN -> answers.stream().anyMatch((a) -> compares(a.getValue(), expected, 1, 1));
			case LESS_THAN -> answers.stream().anyMatch((a) -> compares(a.getValue(), expected, -1, -1));
			case GREATER_OR_EQUAL -> answers.stream().anyMatch((a) -> compares(a.getValue(), expected, 0, 1));
			case LESS_OR_EQUAL -> answers.stream().anyMatch((a) -> compares(a.getValue(), expected, -1, 0));
			default -> false;
		};
	}

	private static boolean sameValue(Type a, Type b) {
		if (a instanceof Coding x && b instanceof Coding y) {
			return Objects.equals(x.getCode(), y.getCode()) && Objects.equals(x.getSystem(), y.getSystem());
		}
		if (a == null || b == null || !a.fhirType().equals(b.fhirType())) {
			return false;
		}
		if (a instanceof org.hl7.fhir.r4.model.PrimitiveType<?> p
				&& b instanceof org.hl7.fhir.r4.model.PrimitiveType<?> q) {
			return Objects.equals(p.getValueAsString(), q.getValueAsString());
		}
		return a.equalsDeep(b);
	}

	/**
	 * Whether {@code a} compared with {@code b} falls between {@code low} and
	 * {@code high} (signs of compareTo); only numbers compare, anything else never meets
	 * the condition.
	 */
	private static boolean compares(Type a, Type b, int low, int high) {
		BigDecimal x = number(a);
		BigDecimal y = number(b);
		if (x == null || y == null) {
			return false;
		}
		int sign = Integer.signum(x.compareTo(y));
		return sign >= low && sign <= high;
	}

	private static BigDecimal number(Type value) {
		if (value instanceof org.hl7.fhir.r4.model.IntegerType i) {
			return BigDecimal.valueOf(i.getValue());
		}
		if (value instanceof org.hl7.fhir.r4.model.DecimalType d) {
			return d.getValue();
		}
		return null;
	}

	private void add(String linkId, String code, String message) {
		this.problems.add(new FieldProblem(linkId, code, message));
	}

}
