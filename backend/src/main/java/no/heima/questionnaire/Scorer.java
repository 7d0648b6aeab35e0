package no.heima.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes SDC {@code calculatedExpression}s over a response, with {@code variable}s of
 * the root (context: the response) and of items (context: that item's answers), the way
 * SDC scopes them. Values the client put in calculated items are discarded first. A
 * calculation that reads another calculated item later in the form gets its value on the
 * next pass; passes stop when nothing changes. Every pass settles at least one more link
 * of a chain, so one pass per calculated item (plus one to see nothing change) evaluates
 * any chain in dependency order; only a cycle runs out of passes.
 */
final class Scorer {

	private static final Logger log = LoggerFactory.getLogger(Scorer.class);

	private final FHIRPathEngine engine;

	private final Map<String, ExpressionNode> parsed = new HashMap<>();

	/** Each expression that failed on this response, once (passes repeat them). */
	private final java.util.Set<String> failures = new java.util.LinkedHashSet<>();

	Scorer(FHIRPathEngine engine) {
		this.engine = engine;
	}

	/** Scores {@code response} in place and returns every calculated item's value. */
	List<Score> score(Questionnaire questionnaire, QuestionnaireResponse response) {
		List<FieldProblem> problems = ResponseAnswers.normalise(ResponseAnswers.byLinkId(questionnaire.getItem()),
				response);
		if (!problems.isEmpty()) {
			throw new HeimaProblemException(ProblemType.INVALID_RESPONSE,
					problems.size() + " answer(s) do not fit the questionnaire", problems);
		}
		calculate(questionnaire, response);
		return scores(questionnaire, response);
	}

	/**
	 * Computes every calculated item in place (the response must have been normalised).
	 */
	void calculate(Questionnaire questionnaire, QuestionnaireResponse response) {
		int passes = countCalculated(questionnaire.getItem()) + 1;
		for (int pass = 0; pass < passes; pass++) {
			ScoringScope root = ScoringScope.root(questionnaire);
			defineVariables(questionnaire.getExtension(), root, response, response);
			if (!walk(questionnaire.getItem(), response.getItem(), true, response, root)) {
				break;
			}
		}
	}

	/** Every calculated item's value as the response holds it now. */
	List<Score> scores(Questionnaire questionnaire, QuestionnaireResponse response) {
		List<Score> scores = new ArrayList<>();
		collect(questionnaire.getItem(), response.getItem(), scores);
		return scores;
	}

	private static int countCalculated(List<QuestionnaireItemComponent> items) {
		int count = 0;
		for (QuestionnaireItemComponent item : items) {
			count += (item.hasExtension(FhirUrls.CALCULATED_EXPRESSION) ? 1 : 0) + countCalculated(item.getItem());
		}
		return count;
	}

	/**
	 * The calculations that failed on the data of the responses scored so far.
	 */
	List<String> failures() {
		return List.copyOf(this.failures);
	}

	private boolean walk(List<QuestionnaireItemComponent> definitions,
			List<QuestionnaireResponseItemComponent> answered, boolean canAdd, QuestionnaireResponse response,
			ScoringScope scope) {
		boolean changed = false;
		for (QuestionnaireItemComponent definition : definitions) {
			List<QuestionnaireResponseItemComponent> instances = instances(answered, definition.getLinkId());
			if (instances.isEmpty() && canAdd && calculatedWithin(definition)) {
				QuestionnaireResponseItemComponent added = new QuestionnaireResponseItemComponent()
					.setLinkId(definition.getLinkId());
				if (definition.hasText()) {
					added.setText(definition.getText());
				}
				answered.add(added);
				instances = List.of(added);
			}
			for (QuestionnaireResponseItemComponent instance : instances) {
				ScoringScope itemScope = scope.child();
				defineVariables(definition.getExtension(), itemScope, response, instance);
				Expression calculated = expression(definition.getExtensionByUrl(FhirUrls.CALCULATED_EXPRESSION));
				if (calculated != null) {
					changed |= setAnswer(definition, instance,
							evaluate(calculated, itemScope, response, instance, definition.getLinkId()));
				}
				boolean group = definition.getType() == QuestionnaireItemType.GROUP;
				changed |= walk(definition.getItem(), group ? instance.getItem() : nested(instance), group, response,
						itemScope);
			}
		}
		return changed;
	}

	void defineVariables(List<Extension> extensions, ScoringScope scope, QuestionnaireResponse response, Base context) {
		for (Extension extension : extensions) {
			Expression variable = FhirUrls.VARIABLE.equals(extension.getUrl()) ? expression(extension) : null;
			if (variable != null && variable.hasName()) {
				scope.define(variable.getName(), evaluate(variable, scope, response, context, variable.getName()));
			}
		}
	}

	private List<Base> evaluate(Expression expression, ScoringScope scope, QuestionnaireResponse response, Base context,
			String where) {
		try {
			ExpressionNode node = parsed.computeIfAbsent(expression.getExpression(), engine::parse);
			return engine.evaluate(scope, response, response, context, node);
		}
		catch (RuntimeException e) {
			// Already parsed at import; what fails here fails on this response's data.
			// Reported, never swallowed: the caller must not take a missing score for a
			// low one.
			log.warn("FHIRPath for '{}' failed: {}", where, e.getMessage());
			this.failures.add("'" + where + "': " + e.getMessage());
			return List.of();
		}
	}

	private static boolean setAnswer(QuestionnaireItemComponent definition, QuestionnaireResponseItemComponent instance,
			List<Base> result) {
		List<QuestionnaireResponseItemAnswerComponent> answers = new ArrayList<>();
		for (Base value : definition.getRepeats() ? result : result.stream().limit(1).toList()) {
			Type answer = AnswerValues.of(value, definition.getType());
			if (answer != null) {
				answers.add(new QuestionnaireResponseItemAnswerComponent().setValue(answer));
			}
		}
		List<QuestionnaireResponseItemAnswerComponent> before = instance.getAnswer();
		boolean same = before.size() == answers.size();
		for (int i = 0; same && i < answers.size(); i++) {
			same = answers.get(i).getValue().equalsDeep(before.get(i).getValue());
		}
		if (!same) {
			instance.setAnswer(answers);
		}
		return !same;
	}

	private static void collect(List<QuestionnaireItemComponent> definitions,
			List<QuestionnaireResponseItemComponent> answered, List<Score> scores) {
		for (QuestionnaireItemComponent definition : definitions) {
			for (QuestionnaireResponseItemComponent instance : instances(answered, definition.getLinkId())) {
				if (definition.hasExtension(FhirUrls.CALCULATED_EXPRESSION)) {
					Score score = AnswerValues.score(definition, instance);
					scores.add(FhirUrls.hidden(definition) ? score.asHidden() : score);
				}
				boolean group = definition.getType() == QuestionnaireItemType.GROUP;
				collect(definition.getItem(), group ? instance.getItem() : nested(instance), scores);
			}
		}
	}

	private static List<QuestionnaireResponseItemComponent> instances(List<QuestionnaireResponseItemComponent> answered,
			String linkId) {
		return answered.stream().filter(item -> linkId.equals(item.getLinkId())).toList();
	}

	/**
	 * Children of a question sit under its answers (R4); a few clients put them beside.
	 */
	private static List<QuestionnaireResponseItemComponent> nested(QuestionnaireResponseItemComponent question) {
		List<QuestionnaireResponseItemComponent> children = new ArrayList<>(question.getItem());
		question.getAnswer().forEach(answer -> children.addAll(answer.getItem()));
		return children;
	}

	private static boolean calculatedWithin(QuestionnaireItemComponent definition) {
		return definition.hasExtension(FhirUrls.CALCULATED_EXPRESSION)
				|| (definition.getType() == QuestionnaireItemType.GROUP
						&& definition.getItem().stream().anyMatch(Scorer::calculatedWithin));
	}

	static Expression expression(Extension extension) {
		if (extension == null || !(extension.getValue() instanceof Expression expression)
				|| !FhirUrls.FHIRPATH.equals(expression.getLanguage()) || !expression.hasExpression()) {
			return null;
		}
		return expression;
	}

}
