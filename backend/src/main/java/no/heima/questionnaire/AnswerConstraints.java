package no.heima.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.heima.problem.FieldProblem;
import no.heima.problem.ProblemType;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Every constraint a questionnaire puts on the answers that remain once disabled items
 * are gone: {@code required} (per instance of a repeating group), {@code repeats}, the
 * answer type per item type, the value limits ({@link ValueLimits}), {@code answerOption}
 * and {@code answerValueSet} membership, attachment {@code mimeType} and {@code maxSize}.
 * Calculated items are the server's own and are not checked. Problems come in
 * questionnaire order.
 */
final class AnswerConstraints {

	private final Questionnaire questionnaire;

	private final ResponseTree tree;

	private final AttachmentFacts.Resolver attachments;

	private final List<AnswerProblem> problems = new ArrayList<>();

	private final List<FieldProblem> unknown = new ArrayList<>();

	AnswerConstraints(Questionnaire questionnaire, ResponseTree tree, AttachmentFacts.Resolver attachments) {
		this.questionnaire = questionnaire;
		this.tree = tree;
		this.attachments = attachments;
	}

	/**
	 * Items the questionnaire does not have where they are answered (checked before
	 * anything else: such a response is malformed, not merely wrong).
	 */
	List<FieldProblem> unknownItems(List<QuestionnaireResponseItemComponent> answered) {
		this.unknown.clear();
		unknown(this.questionnaire.getItem(), answered);
		return List.copyOf(this.unknown);
	}

	private void unknown(List<QuestionnaireItemComponent> definitions,
			List<QuestionnaireResponseItemComponent> answered) {
		for (QuestionnaireResponseItemComponent item : answered) {
			Optional<QuestionnaireItemComponent> definition = definitions.stream()
				.filter((d) -> d.getLinkId().equals(item.getLinkId()))
				.findFirst();
			if (definition.isEmpty()) {
				this.unknown.add(new FieldProblem(String.valueOf(item.getLinkId()), "unknown-item",
						"No such question here in the questionnaire"));
				continue;
			}
			for (List<QuestionnaireResponseItemComponent> children : ResponseTree.childLists(definition.get(), item)) {
				unknown(definition.get().getItem(), children);
			}
		}
	}

	List<AnswerProblem> check(List<QuestionnaireResponseItemComponent> answered) {
		this.problems.clear();
		items(this.questionnaire.getItem(), answered);
		return List.copyOf(this.problems);
	}

	private void items(List<QuestionnaireItemComponent> definitions,
			List<QuestionnaireResponseItemComponent> answered) {
		for (QuestionnaireItemComponent definition : definitions) {
			if (!ResponseTree.calculated(definition)) {
				item(definition, ResponseTree.instances(answered, definition.getLinkId()));
			}
		}
	}

	private void item(QuestionnaireItemComponent definition, List<QuestionnaireResponseItemComponent> instances) {
		QuestionnaireItemType type = definition.getType();
		if (type == QuestionnaireItemType.DISPLAY) {
			if (instances.stream().anyMatch(QuestionnaireResponseItemComponent::hasAnswer)) {
				add(definition, ProblemType.ANSWER_TYPE, null);
			}
			return;
		}
		if (type == QuestionnaireItemType.GROUP) {
			if (!definition.getRepeats() && instances.size() > 1) {
				add(definition, ProblemType.ANSWER_REPEATS, null);
			}
			for (QuestionnaireResponseItemComponent instance : instances) {
				if (instance.hasAnswer()) {
					add(definition, ProblemType.ANSWER_TYPE, null);
				}
				items(definition.getItem(), instance.getItem());
			}
			return;
		}
		List<QuestionnaireResponseItemAnswerComponent> answers = instances.stream()
			.flatMap((i) -> i.getAnswer().stream())
			.toList();
		// a missing item is required only where it is enabled: Enablement#missingRequired
		if (definition.getRequired() && !definition.getReadOnly() && !instances.isEmpty() && answers.isEmpty()) {
			add(definition, ProblemType.ANSWER_REQUIRED, null);
		}
		if (!definition.getRepeats() && answers.size() > 1) {
			add(definition, ProblemType.ANSWER_REPEATS, null);
		}
		for (QuestionnaireResponseItemAnswerComponent answer : answers) {
			answer(definition, answer.getValue());
			items(definition.getItem(), answer.getItem());
		}
		for (QuestionnaireResponseItemComponent instance : instances) {
			items(definition.getItem(), instance.getItem());
		}
	}

	private void answer(QuestionnaireItemComponent definition, Type value) {
		List<String> expected = expectedTypes(definition);
		if (value == null || value.isEmpty() || !expected.contains(value.fhirType())) {
			add(definition, ProblemType.ANSWER_TYPE, String.join(" | ", expected));
			return;
		}
		ValueLimits.Broken broken = ValueLimits.check(definition, value);
		if (broken != null) {
			add(definition, broken.type(), broken.limit());
			return;
		}
		QuestionnaireItemType type = definition.getType();
		if (type == QuestionnaireItemType.CHOICE || type == QuestionnaireItemType.OPENCHOICE) {
			boolean free = type == QuestionnaireItemType.OPENCHOICE && value instanceof StringType;
			if (!free) {
				choice(definition, value);
			}
		}
		else if (value instanceof Attachment attachment) {
			attachment(definition, attachment);
		}
	}

	private void choice(QuestionnaireItemComponent definition, Type value) {
		if (definition.hasAnswerOption()) {
			boolean offered = definition.getAnswerOption()
				.stream()
				.map(QuestionnaireItemAnswerOptionComponent::getValue)
				.anyMatch((option) -> sameOption(option, value));
			if (!offered) {
				add(definition, ProblemType.ANSWER_NOT_AN_OPTION, null);
			}
			return;
		}
		if (definition.hasAnswerValueSet()) {
			Optional<Set<ValueSets.Code>> codes = ValueSets.expand(this.questionnaire, definition.getAnswerValueSet());
			// a value set Heima cannot expand (imported before the import refused them)
			// admits nothing: see ValueSets
			if (!(value instanceof Coding coding) || codes.isEmpty()
					|| !codes.get().contains(new ValueSets.Code(coding.getSystem(), coding.getCode()))) {
				add(definition, ProblemType.ANSWER_NOT_IN_VALUE_SET, definition.getAnswerValueSet());
			}
		}
	}

	private static boolean sameOption(Type option, Type value) {
		if (option instanceof Coding offered && value instanceof Coding chosen) {
			return Objects.equals(offered.getSystem(), chosen.getSystem())
					&& Objects.equals(offered.getCode(), chosen.getCode());
		}
		return option != null && option.fhirType().equals(value.fhirType()) && Enablement.same(option, value);
	}

	private void attachment(QuestionnaireItemComponent definition, Attachment attachment) {
		List<String> types = definition.getExtensionsByUrl(FhirUrls.MIME_TYPE)
			.stream()
			.map(Extension::getValue)
			.filter(Objects::nonNull)
			.map(Type::primitiveValue)
			.toList();
		Extension maxSizeExtension = definition.getExtensionByUrl(FhirUrls.MAX_SIZE);
		java.math.BigDecimal maxSize = maxSizeExtension != null
				&& maxSizeExtension.getValue() instanceof org.hl7.fhir.r4.model.DecimalType d ? d.getValue() : null;
		// What the client declares first (cheap, and refuses before looking anything up),
		// then what the server finds in the bytes.
		if (attachment.hasContentType() && !types.isEmpty() && !types.contains(attachment.getContentType())) {
			add(definition, ProblemType.ATTACHMENT_TYPE, String.join(", ", types));
			return;
		}
		if (attachment.hasSize() && maxSize != null
				&& java.math.BigDecimal.valueOf(attachment.getSize()).compareTo(maxSize) > 0) {
			add(definition, ProblemType.ATTACHMENT_TOO_LARGE, maxSize.toPlainString());
			return;
		}
		Optional<AttachmentFacts> facts = this.attachments.resolve(attachment);
		if (facts.isEmpty()) {
			add(definition, ProblemType.ATTACHMENT_NOT_FOUND, null);
			return;
		}
		if (!types.isEmpty() && !types.contains(facts.get().contentType())) {
			add(definition, ProblemType.ATTACHMENT_TYPE, String.join(", ", types));
		}
		else if (maxSize != null && java.math.BigDecimal.valueOf(facts.get().size()).compareTo(maxSize) > 0) {
			add(definition, ProblemType.ATTACHMENT_TOO_LARGE, maxSize.toPlainString());
		}
		else {
			// the stored answer says what the server found, not what the client claimed
			attachment.setContentType(facts.get().contentType());
			attachment.setSize((int) Math.min(Integer.MAX_VALUE, facts.get().size()));
		}
	}

	/** The FHIR types an answer to this item may have. */
	static List<String> expectedTypes(QuestionnaireItemComponent definition) {
		return switch (definition.getType()) {
			case BOOLEAN -> List.of("boolean");
			case DECIMAL -> List.of("decimal");
			case INTEGER -> List.of("integer");
			case DATE -> List.of("date");
			case DATETIME -> List.of("dateTime");
			case TIME -> List.of("time");
			case STRING, TEXT -> List.of("string");
			case URL -> List.of("uri");
			case QUANTITY -> List.of("Quantity");
			case ATTACHMENT -> List.of("Attachment");
			case REFERENCE -> List.of("Reference");
			case CHOICE, OPENCHOICE -> {
				List<String> types = definition.getAnswerOption()
					.stream()
					.map(QuestionnaireItemAnswerOptionComponent::getValue)
					.filter(Objects::nonNull)
					.map(Type::fhirType)
					.distinct()
					.collect(java.util.stream.Collectors.toCollection(ArrayList::new));
				if (types.isEmpty()) {
					types.add("Coding");
				}
				if (definition.getType() == QuestionnaireItemType.OPENCHOICE && !types.contains("string")) {
					types.add("string");
				}
				yield List.copyOf(types);
			}
			default -> List.of();
		};
	}

	private void add(QuestionnaireItemComponent definition, ProblemType type, String limit) {
		String language = this.tree.language();
		this.problems.add(new AnswerProblem(definition.getLinkId(), this.tree.text(definition), type, limit,
				Messages.of(type, limit, language)));
	}

}
