package no.heima.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.heima.problem.ProblemType;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SDC enablement: removes from a response every item that is disabled ({@code enableWhen}
 * with {@code enableBehavior}, {@code enableWhenExpression}) or never shown
 * ({@code questionnaire-hidden}, unless the server calculates it), with everything below
 * it. A disabled item has no answer (SDC), so what a patient typed before changing an
 * earlier answer is dropped, not refused, and reported.
 * <p>
 * An {@code enableWhen} question is looked up from where the item sits: inside the
 * nearest enclosing item (an instance of a repeating group, an answer) that also encloses
 * the question, so a condition inside a repeating group reads its own instance. Several
 * answers to the question meet the condition when any of them does; {@code !=} is met
 * when there are answers and none is equal; {@code exists} counts answers. An
 * {@code enableWhenExpression} is evaluated with {@code %resource},
 * {@code %questionnaire}, the item itself as {@code %context} and the named variables in
 * scope; its item is enabled only when it yields {@code true}.
 */
final class Enablement {

	private static final Logger log = LoggerFactory.getLogger(Enablement.class);

	private final FHIRPathEngine engine;

	private final Questionnaire questionnaire;

	private final QuestionnaireResponse response;

	private final ResponseTree tree;

	private final Scorer variables;

	private final Map<String, ExpressionNode> parsed = new java.util.HashMap<>();

	private final Map<String, DroppedAnswer> dropped = new LinkedHashMap<>();

	/** Where an item sits: its definition and response node, and the enclosing frames. */
	private record Frame(Frame parent, QuestionnaireItemComponent definition, QuestionnaireResponseItemComponent node,
			ScoringScope scope) {
	}

	Enablement(FHIRPathEngine engine, Questionnaire questionnaire, QuestionnaireResponse response, ResponseTree tree) {
		this.engine = engine;
		this.questionnaire = questionnaire;
		this.response = response;
		this.tree = tree;
		this.variables = new Scorer(engine);
	}

	/** Patient answers dropped so far, one entry per question. */
	List<DroppedAnswer> dropped() {
		return List.copyOf(this.dropped.values());
	}

	/** One pass over the response; true when it removed anything. */
	boolean pass() {
		ScoringScope root = ScoringScope.root(this.questionnaire);
		this.variables.defineVariables(this.questionnaire.getExtension(), root, this.response, this.response);
		return walk(this.questionnaire.getItem(), this.response.getItem(), new Frame(null, null, null, root));
	}

	/**
	 * Required items that are enabled where they are missing (an enabled required item
	 * inside each instance of a repeating group must be there in that instance).
	 */
	List<AnswerProblem> missingRequired() {
		ScoringScope root = ScoringScope.root(this.questionnaire);
		this.variables.defineVariables(this.questionnaire.getExtension(), root, this.response, this.response);
		List<AnswerProblem> problems = new ArrayList<>();
		missing(this.questionnaire.getItem(), this.response.getItem(), new Frame(null, null, null, root), problems);
		return problems;
	}

	private void missing(List<QuestionnaireItemComponent> definitions,
			List<QuestionnaireResponseItemComponent> answered, Frame parent, List<AnswerProblem> problems) {
		for (QuestionnaireItemComponent definition : definitions) {
			List<QuestionnaireResponseItemComponent> instances = ResponseTree.instances(answered,
					definition.getLinkId());
			if (instances.isEmpty()) {
				Frame absent = new Frame(parent, definition, null, parent.scope());
				boolean enabled = enabled(definition, absent);
				if (requiredHere(definition) && enabled) {
					problems.add(new AnswerProblem(definition.getLinkId(), this.tree.text(definition),
							ProblemType.ANSWER_REQUIRED, null,
							Messages.of(ProblemType.ANSWER_REQUIRED, null, this.tree.language())));
				}
				else if (enabled && definition.getType() == Questionnaire.QuestionnaireItemType.GROUP
						&& !definition.getRepeats()) {
					// a single group is on screen whenever it is enabled, so its required
					// questions are asked even when none of them was answered
					missing(definition.getItem(), List.of(), absent, problems);
				}
				continue;
			}
			for (QuestionnaireResponseItemComponent instance : instances) {
				ScoringScope scope = parent.scope().child();
				this.variables.defineVariables(definition.getExtension(), scope, this.response, instance);
				Frame frame = new Frame(parent, definition, instance, scope);
				// a child is missing when it is in none of the places children sit
				List<QuestionnaireResponseItemComponent> children = new ArrayList<>();
				ResponseTree.childLists(definition, instance).forEach(children::addAll);
				missing(definition.getItem(), children, frame, problems);
			}
		}
	}

	private static boolean requiredHere(QuestionnaireItemComponent definition) {
		return definition.getRequired() && !definition.getReadOnly() && !ResponseTree.calculated(definition)
				&& !FhirUrls.hidden(definition) && definition.getType() != Questionnaire.QuestionnaireItemType.DISPLAY;
	}

	private boolean walk(List<QuestionnaireItemComponent> definitions,
			List<QuestionnaireResponseItemComponent> answered, Frame parent) {
		boolean removed = false;
		for (QuestionnaireItemComponent definition : definitions) {
			for (QuestionnaireResponseItemComponent instance : ResponseTree.instances(answered,
					definition.getLinkId())) {
				ScoringScope scope = parent.scope().child();
				this.variables.defineVariables(definition.getExtension(), scope, this.response, instance);
				Frame frame = new Frame(parent, definition, instance, scope);
				boolean hiddenInput = FhirUrls.hidden(definition) && !ResponseTree.calculated(definition);
				if (hiddenInput || !enabled(definition, frame)) {
					report(definition, instance);
					answered.remove(instance);
					removed = true;
					continue;
				}
				for (List<QuestionnaireResponseItemComponent> children : ResponseTree.childLists(definition,
						instance)) {
					removed |= walk(definition.getItem(), children, frame);
				}
			}
		}
		return removed;
	}

	private boolean enabled(QuestionnaireItemComponent definition, Frame frame) {
		boolean enabled = true;
		if (definition.hasEnableWhen()) {
			boolean all = definition.getEnableBehavior() == Questionnaire.EnableWhenBehavior.ALL;
			enabled = all;
			for (QuestionnaireItemEnableWhenComponent condition : definition.getEnableWhen()) {
				boolean met = met(condition, frame.parent());
				if (all ? !met : met) {
					enabled = !all;
					break;
				}
			}
		}
		Expression expression = Scorer.expression(definition.getExtensionByUrl(FhirUrls.ENABLE_WHEN_EXPRESSION));
		if (enabled && expression != null) {
			enabled = expressionTrue(expression, frame, definition.getLinkId());
		}
		return enabled;
	}

	private boolean expressionTrue(Expression expression, Frame frame, String linkId) {
		try {
			ExpressionNode node = this.parsed.computeIfAbsent(expression.getExpression(), this.engine::parse);
			Base focus = this.response;
			for (Frame f = frame; f != null; f = f.parent()) {
				if (f.node() != null) {
					focus = f.node();
					break;
				}
			}
			List<Base> result = this.engine.evaluate(frame.scope(), this.response, this.response, focus, node);
			return result.size() == 1 && result.get(0) instanceof BooleanType bool && bool.booleanValue();
		}
		catch (RuntimeException ex) {
			// Parsed at import, so this fails on this response's data. Keeping the
			// answers
			// (they are still checked) is safer than dropping what the patient saw.
			log.warn("enableWhenExpression of '{}' failed: {}", linkId, ex.getMessage());
			return true;
		}
	}

	private boolean met(QuestionnaireItemEnableWhenComponent condition, Frame from) {
		List<QuestionnaireResponseItemAnswerComponent> answers = answersTo(condition.getQuestion(), from);
		List<Type> values = answers.stream()
			.map(QuestionnaireResponseItemAnswerComponent::getValue)
			.filter(Objects::nonNull)
			.toList();
		Questionnaire.QuestionnaireItemOperator operator = condition.getOperator();
		if (operator == Questionnaire.QuestionnaireItemOperator.EXISTS) {
			return values.isEmpty() != condition.getAnswerBooleanType().booleanValue();
		}
		Type expected = condition.getAnswer();
		return switch (operator) {
			case EQUAL -> values.stream().anyMatch((v) -> same(v, expected));
			case NOT_EQUAL -> !values.isEmpty() && values.stream().noneMatch((v) -> same(v, expected));
			case GREATER_THAN -> values.stream().anyMatch((v) -> ordered(v, expected, (sign) -> sign > 0));
			case LESS_THAN -> values.stream().anyMatch((v) -> ordered(v, expected, (sign) -> sign < 0));
			case GREATER_OR_EQUAL -> values.stream().anyMatch((v) -> ordered(v, expected, (sign) -> sign >= 0));
			case LESS_OR_EQUAL -> values.stream().anyMatch((v) -> ordered(v, expected, (sign) -> sign <= 0));
			default -> false;
		};
	}

	/**
	 * Answers to {@code question} within the nearest enclosing response node that also
	 * encloses the question's definition; the whole response when none does.
	 */
	private List<QuestionnaireResponseItemAnswerComponent> answersTo(String question, Frame from) {
		List<String> enclosing = this.tree.ancestorsOf(question);
		List<QuestionnaireResponseItemAnswerComponent> answers = new ArrayList<>();
		for (Frame frame = from; frame != null && frame.node() != null; frame = frame.parent()) {
			if (enclosing.contains(frame.definition().getLinkId())) {
				ResponseTree.answersTo(question, List.of(frame.node()), answers);
				return answers;
			}
		}
		ResponseTree.answersTo(question, this.response.getItem(), answers);
		return answers;
	}

	static boolean same(Type a, Type b) {
		if (a instanceof Coding x && b instanceof Coding y) {
			return Objects.equals(x.getCode(), y.getCode())
					&& (!y.hasSystem() || !x.hasSystem() || Objects.equals(x.getSystem(), y.getSystem()));
		}
		if (a instanceof Quantity x && b instanceof Quantity y) {
			return x.getValue() != null && y.getValue() != null && x.getValue().compareTo(y.getValue()) == 0
					&& Objects.equals(x.getCode(), y.getCode());
		}
		BigDecimal x = number(a);
		BigDecimal y = number(b);
		if (x != null && y != null) {
			return x.compareTo(y) == 0;
		}
		if (a == null || b == null || !a.fhirType().equals(b.fhirType())) {
			return false;
		}
		if (a instanceof PrimitiveType<?> p && b instanceof PrimitiveType<?> q) {
			return Objects.equals(p.getValueAsString(), q.getValueAsString());
		}
		return a.equalsDeep(b);
	}

	private static boolean ordered(Type a, Type b, java.util.function.IntPredicate test) {
		Integer sign = compare(a, b);
		return sign != null && test.test(Integer.signum(sign));
	}

	/**
	 * Orders numbers, dates, date-times, times and strings; null for values that do not
	 * compare (they meet no ordering condition).
	 */
	private static Integer compare(Type a, Type b) {
		BigDecimal x = number(a);
		BigDecimal y = number(b);
		if (x != null && y != null) {
			return x.compareTo(y);
		}
		if (a instanceof Quantity p && b instanceof Quantity q && p.getValue() != null && q.getValue() != null
				&& Objects.equals(p.getCode(), q.getCode())) {
			return p.getValue().compareTo(q.getValue());
		}
		if ((a instanceof DateType || a instanceof DateTimeType) && (b instanceof DateType || b instanceof DateTimeType)
				&& ((BaseDateTimeType) a).getValue() != null && ((BaseDateTimeType) b).getValue() != null) {
			return ((BaseDateTimeType) a).getValue().compareTo(((BaseDateTimeType) b).getValue());
		}
		if ((a instanceof TimeType && b instanceof TimeType) || (a instanceof StringType && b instanceof StringType)) {
			return ((PrimitiveType<?>) a).getValueAsString().compareTo(((PrimitiveType<?>) b).getValueAsString());
		}
		return null;
	}

	private static BigDecimal number(Type value) {
		if (value instanceof IntegerType i && i.getValue() != null) {
			return BigDecimal.valueOf(i.getValue());
		}
		if (value instanceof DecimalType d) {
			return d.getValue();
		}
		return null;
	}

	/** Every question below (and at) {@code instance} that the patient answered. */
	private void report(QuestionnaireItemComponent definition, QuestionnaireResponseItemComponent instance) {
		boolean answered = instance.getAnswer()
			.stream()
			.anyMatch((a) -> a.getValue() != null && !a.getValue().isEmpty());
		if (answered && !ResponseTree.calculated(definition)) {
			this.dropped.putIfAbsent(definition.getLinkId(),
					new DroppedAnswer(definition.getLinkId(), this.tree.text(definition)));
		}
		for (List<QuestionnaireResponseItemComponent> children : ResponseTree.childLists(definition, instance)) {
			for (QuestionnaireItemComponent child : definition.getItem()) {
				for (QuestionnaireResponseItemComponent nested : ResponseTree.instances(children, child.getLinkId())) {
					report(child, nested);
				}
			}
		}
	}

}
