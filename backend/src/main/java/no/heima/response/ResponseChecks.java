package no.heima.response;

import ca.uhn.fhir.parser.DataFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.heima.fhir.FhirJson;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.questionnaire.ConformedResponse;
import no.heima.questionnaire.Score;
import no.heima.questionnaire.ScoreResult;
import no.heima.submission.SubmissionTarget;
import no.heima.triage.CouldNotAssess;
import no.heima.triage.FailSafe;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * The response-specific checks before the submission pipeline: parsing, completion,
 * scoring failures.
 */
final class ResponseChecks {

	private ResponseChecks() {
	}

	static QuestionnaireResponse parse(String json) {
		try {
			return FhirJson.read(QuestionnaireResponse.class, json);
		}
		catch (DataFormatException | ClassCastException ex) {
			throw invalid(List
				.of(new FieldProblem("questionnaireResponse", "malformed", "Not a FHIR R4 QuestionnaireResponse")));
		}
	}

	/**
	 * Parses and completes the resource the server will keep (status, subject, authored);
	 * the questionnaire's own checks come after, in the conformance engine.
	 */
	static QuestionnaireResponse received(SubmissionTarget task, String responseJson, Instant now) {
		QuestionnaireResponse response = parse(responseJson);
		String canonical = ResponseTasks.canonical(task);
		if (response.hasQuestionnaire() && !response.getQuestionnaire().equals(canonical)) {
			throw invalid(List
				.of(new FieldProblem("questionnaire", "other-questionnaire", "This task asks for " + canonical)));
		}
		response.setQuestionnaire(canonical);
		response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		if (!response.hasAuthored() || response.getAuthored().toInstant().isAfter(now)) {
			response.setAuthored(Date.from(now));
		}
		response
			.setSubject(new Reference().setIdentifier(new Identifier().setSystem(task.patient().identifier().system())
				.setValue(task.patient().identifier().value())));
		return response;
	}

	/**
	 * A response the conformance engine or the scoring threw on (not a refusal: a fault
	 * of ours or of the form's FHIRPath on this data) is still accepted as sent,
	 * unscored, and goes to a clinician as could-not-assess rather than being lost.
	 */
	static ConformedResponse unscored(SubmissionTarget task, QuestionnaireResponse response, Throwable ex) {
		return new ConformedResponse(
				new ScoreResult(ResponseTasks.canonical(task), List.of(), FhirJson.write(response),
						List.of("scoring failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage())),
				List.of());
	}

	/**
	 * Failures met before triage: scoring that failed, or a bounded score it did not
	 * produce.
	 */
	static List<CouldNotAssess> upstream(SubmissionTarget task, ScoreResult scored) {
		List<CouldNotAssess> failures = new ArrayList<>();
		if (!scored.failures().isEmpty()) {
			failures.add(new CouldNotAssess(CouldNotAssess.Cause.SCORING,
					"Scoring failed on this response: " + String.join("; ", scored.failures())));
		}
		failures.addAll(FailSafe.missingScores(task.activity(), scoreValues(scored.scores())));
		return failures;
	}

	/** Each score that has a value, by linkId: what bounds are applied to. */
	static Map<String, BigDecimal> scoreValues(List<Score> scores) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		scores.stream().filter((s) -> s.value() != null).forEach((s) -> values.put(s.linkId(), s.value()));
		return values;
	}

	/** The worklist summary: "Hjertesvikt: hf-score 7". */
	static String summary(SubmissionTarget task, List<Score> scores) {
		return task.activity().title() + ": "
				+ scores.stream()
					.filter((s) -> s.valueText() != null)
					.map((s) -> s.linkId() + " " + s.valueText())
					.reduce((a, b) -> a + ", " + b)
					.orElse("");
	}

	private static HeimaProblemException invalid(List<FieldProblem> problems) {
		return new HeimaProblemException(ProblemType.INVALID_RESPONSE,
				problems.size() + " answer(s) do not fit the questionnaire", problems);
	}

}
