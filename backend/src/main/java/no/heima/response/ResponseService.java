package no.heima.response;

import org.springframework.modulith.NamedInterface;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import no.heima.attachment.AttachmentService;
import no.heima.attachment.StoredAttachment;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditLog;
import no.heima.fhir.FhirJson;
import no.heima.identity.CurrentUser;
import no.heima.patient.PatientService;
import no.heima.platform.SqlWrite;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.questionnaire.ConformedResponse;
import no.heima.questionnaire.QuestionnaireService;
import no.heima.questionnaire.ScoreResult;
import no.heima.submission.Accepted;
import no.heima.submission.SubmissionKind;
import no.heima.submission.SubmissionPipeline;
import no.heima.submission.SubmissionTarget;
import no.heima.triage.Assessment;
import no.heima.triage.CombinationTriage;
import no.heima.triage.SubmissionTriage;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Questionnaire responses of the logged-in patient's tasks: checked and scored against
 * the questionnaire, then handed to the submission pipeline (drafts are
 * {@link ResponseDrafts}').
 */
@NamedInterface("replay")
@Service
public class ResponseService {

	private static final int MAX_HISTORY = 500;

	private final ResponseTasks tasks;

	private final QuestionnaireService questionnaires;

	private final ResponseRepository repository;

	private final ResponseFhirMapper fhir;

	private final AttachmentService attachments;

	private final SubmissionPipeline pipeline;

	private final Clock clock;

	private final PatientService patients;

	private final AuditLog audit;

	private final QuestionnaireWriteBack questionnaireWriteBack;

	ResponseService(ResponseTasks tasks, QuestionnaireService questionnaires, ResponseRepository repository,
			ResponseFhirMapper fhir, AttachmentService attachments, SubmissionPipeline pipeline, Clock clock,
			PatientService patients, AuditLog audit, QuestionnaireWriteBack questionnaireWriteBack) {
		this.questionnaireWriteBack = questionnaireWriteBack;
		this.tasks = tasks;
		this.questionnaires = questionnaires;
		this.repository = repository;
		this.fhir = fhir;
		this.attachments = attachments;
		this.pipeline = pipeline;
		this.clock = clock;
		this.patients = patients;
		this.audit = audit;
	}

	public Mono<SubmittedResponse> submit(CurrentUser actor, ResponseSubmission submission) {
		return submit(actor, submission, null);
	}

	/**
	 * Checks, scores and triages a completed response, then stores it through the
	 * submission pipeline. Everything that needs HAPI FHIR or the rules runs first, off
	 * the event loop and before the transaction opens, so a connection is held only for
	 * the writes.
	 * @param language the patient's language (Accept-Language), for question texts in
	 * refusals and in the dropped answers; null for the response's or the form's own
	 */
	public Mono<SubmittedResponse> submit(CurrentUser actor, ResponseSubmission submission, String language) {
		if (submission.carePlanId() == null || submission.activityId() == null || submission.date() == null
				|| submission.questionnaireResponse() == null) {
			return Mono.error(HeimaProblemException.validation(List.of(new FieldProblem("questionnaireResponse",
					"required", "carePlanId, activityId, date and questionnaireResponse are required"))));
		}
		Instant now = this.clock.instant();
		return this.tasks.open(actor, submission.carePlanId(), submission.activityId())
			.flatMap((task) -> this.questionnaires
				.pinned(task.activity().questionnaireUrl(), task.activity().questionnaireVersion())
				.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND,
						"The questionnaire " + ResponseTasks.canonical(task) + " is not in the library")))
				.flatMap((questionnaire) -> {
					String canonical = questionnaire.getUrl() + "|" + questionnaire.getVersion();
					boolean withQuestionnaire = this.questionnaireWriteBack.needed(canonical);
					return prepare(actor, task, submission, questionnaire, withQuestionnaire, language, now)
						.flatMap((accepted) -> this.pipeline.accept(actor, task, accepted))
						.flatMap((stored) -> withQuestionnaire
								? this.questionnaireWriteBack.queuedOnCommit(canonical).thenReturn(stored)
								: Mono.just(stored));
				}));
	}

	private Mono<Accepted<SubmittedResponse>> prepare(CurrentUser actor, SubmissionTarget task,
			ResponseSubmission submission, Questionnaire questionnaire, boolean withQuestionnaire, String language,
			Instant now) {
		return Mono
			.fromCallable(() -> ResponseChecks.received(task, submission.questionnaireResponse().toString(), now))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((response) -> this.attachments
				.referenced(task.patient().id(), ResponseFhirMapper.attachmentUrls(response))
				.flatMap((uploads) -> this.questionnaires
					.conform(ResponseTasks.canonical(task), response, language, AttachmentService.resolver(uploads))
					.onErrorResume((ex) -> !(ex instanceof HeimaProblemException),
							(ex) -> Mono.just(ResponseChecks.unscored(task, response, ex)))
					.flatMap((conformed) -> this.pipeline.earlierSignals(task, response.getAuthored().toInstant())
						.flatMap((signals) -> Mono
							.fromCallable(() -> accepted(actor, task, submission, conformed, questionnaire,
									withQuestionnaire, now, uploads, signals))
							.subscribeOn(Schedulers.boundedElastic())))));
	}

	private Accepted<SubmittedResponse> accepted(CurrentUser actor, SubmissionTarget task,
			ResponseSubmission submission, ConformedResponse conformed, Questionnaire questionnaire,
			boolean withQuestionnaire, Instant now, Map<String, StoredAttachment> uploads,
			Supplier<List<CombinationTriage.Signal>> signals) {
		ScoreResult scored = conformed.scored();
		QuestionnaireResponse response = FhirJson.read(QuestionnaireResponse.class, scored.response());
		Instant authored = response.getAuthored().toInstant();
		Assessment triage = this.pipeline
			.triage(task, ResponseChecks.upstream(task, scored),
					() -> SubmissionTriage.Input.answered(task.activity(), task.personalBounds(),
							ResponseChecks.scoreValues(scored.scores()), authored, () -> response, task.rules()),
					signals);
		SubmittedResponse result = new SubmittedResponse(UUID.randomUUID(), task.plan().id(), task.activity().id(),
				submission.date(), scored.questionnaire(), authored, now, scored.scores(), triage,
				triage.adviceFrom(task.definition()), conformed.dropped());
		List<SqlWrite> rows = List.of(
				this.repository.insertWrite(task.patient().id(), result, scored.response(), actor.subject()),
				this.repository.deleteDraftWrite(task.plan().id(), task.activity().id(), result.date()));
		return new Accepted<>(SubmissionKind.RESPONSE, result, result.id(), result.receivedAt(), triage, rows,
				this.fhir.toOutbox(result, scored.response(), task.patient(), questionnaire, withQuestionnaire,
						uploads),
				ResponseChecks.summary(task, scored.scores()), triage,
				"response to " + result.questionnaire() + " " + triage.level());
	}

	/**
	 * For replaying rules (the caller checks access and audits): a care plan's responses
	 * since {@code from}, oldest first.
	 */
	public Flux<ReplayableResponse> ofCarePlanSince(UUID carePlanId, Instant from) {
		return this.repository.forCarePlan(carePlanId, from);
	}

	public Mono<List<SubmittedResponse>> own(CurrentUser actor, Period period) {
		Instant from = this.clock.instant().atZone(ZoneOffset.UTC).minus(period).toInstant();
		return this.patients.getOwn(actor)
			.flatMap((patient) -> this.repository.forPatient(patient.id(), from, MAX_HISTORY)
				.collectList()
				.flatMap((list) -> this.audit
					.success(actor, patient.id(), AuditAction.READ, SubmissionKind.RESPONSE.resource(), "own responses")
					.thenReturn(list)));
	}

}
