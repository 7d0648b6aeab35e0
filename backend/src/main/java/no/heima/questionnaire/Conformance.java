package no.heima.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * The one SDC conformance engine: makes a submitted response into what the server keeps,
 * or refuses it. In order:
 * <ol>
 * <li>items the questionnaire does not have → {@code invalid-response};</li>
 * <li>what the client put in calculated items and ordinal values is replaced, empty
 * placeholders are removed;</li>
 * <li>calculated items are computed and disabled or hidden items are dropped, again until
 * nothing more drops (a drop can disable further items and change calculations);</li>
 * <li>every constraint is checked on what remains: each broken one is refused with its
 * own problem type, naming the question in the patient's language and the limit;</li>
 * <li>the scores are read off the calculated items.</li>
 * </ol>
 * All of it evaluates the questionnaire's own definitions with HAPI's FHIRPath; nothing
 * here knows any particular form. Blocking and CPU-bound: call it off the event loop.
 */
final class Conformance {

	private final FHIRPathEngine engine;

	Conformance(FHIRPathEngine engine) {
		this.engine = engine;
	}

	/**
	 * Conforms {@code response} in place.
	 * @param language the patient's language, for question texts and messages
	 * @throws HeimaProblemException when the response does not fit
	 */
	Result conform(Questionnaire questionnaire, QuestionnaireResponse response, String language,
			AttachmentFacts.Resolver attachments) {
		ResponseTree tree = new ResponseTree(questionnaire, language);
		AnswerConstraints constraints = new AnswerConstraints(questionnaire, tree, attachments);
		List<FieldProblem> unknown = constraints.unknownItems(response.getItem());
		if (!unknown.isEmpty()) {
			throw new HeimaProblemException(ProblemType.INVALID_RESPONSE,
					unknown.size() + " answer(s) do not fit the questionnaire", unknown);
		}
		// Unknown options are refused below, once it is known whether their item is
		// enabled; here only the ordinal values of the known ones matter.
		ResponseAnswers.normalise(ResponseAnswers.byLinkId(questionnaire.getItem()), response);
		Scorer scorer = new Scorer(this.engine);
		Enablement enablement = new Enablement(this.engine, questionnaire, response, tree);
		int passes = Math.max(2, tree.size() + 1);
		for (int pass = 0; pass < passes; pass++) {
			ResponseTree.prune(response.getItem());
			scorer.calculate(questionnaire, response);
			if (!enablement.pass()) {
				break;
			}
		}
		List<AnswerProblem> problems = new ArrayList<>(constraints.check(response.getItem()));
		problems.addAll(enablement.missingRequired());
		problems.sort(java.util.Comparator.comparingInt((p) -> tree.order(p.linkId())));
		if (!problems.isEmpty()) {
			throw refused(problems);
		}
		return new Result(scorer.scores(questionnaire, response), enablement.dropped(), scorer.failures());
	}

	/**
	 * The conformed response's scores, the answers dropped on the way, and the
	 * calculations that failed on this response's data (their items have no value: the
	 * response must not be taken as assessed).
	 */
	record Result(List<Score> scores, List<DroppedAnswer> dropped, List<String> failures) {
	}

	private static HeimaProblemException refused(List<AnswerProblem> problems) {
		AnswerProblem first = problems.get(0);
		List<FieldProblem> errors = problems.stream()
			.map((p) -> new FieldProblem(p.linkId(), slug(p.type()), p.message()))
			.toList();
		List<Map<String, Object>> answers = new ArrayList<>();
		for (AnswerProblem p : problems) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("linkId", p.linkId());
			entry.put("text", p.text());
			entry.put("type", p.typeUri());
			if (p.limit() != null) {
				entry.put("limit", p.limit());
			}
			entry.put("message", p.message());
			answers.add(entry);
		}
		return new HeimaProblemException(first.type(), first.text() + ": " + first.message(), errors,
				Map.of("answers", answers));
	}

	private static String slug(ProblemType type) {
		return type.uri().substring(type.uri().lastIndexOf(':') + 1);
	}

}
