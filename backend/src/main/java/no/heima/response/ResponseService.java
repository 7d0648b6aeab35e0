package no.heima.response;

import ca.uhn.fhir.parser.DataFormatException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.function.Supplier;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.attachment.AttachmentService;
import no.heima.attachment.StoredAttachment;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.audit.AuditOutcome;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.careplan.PersonalThreshold;
import no.heima.fhir.FhirJson;
import no.heima.fhirsync.Outbox;
import no.heima.identity.CurrentUser;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayService;
import no.heima.pathway.PublishedPathway;
import no.heima.platform.DomainMetrics;
import no.heima.patient.Patient;
import no.heima.patient.PatientService;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.fhirsync.OutboxMessage;
import no.heima.questionnaire.ConformedResponse;
import no.heima.questionnaire.QuestionnaireService;
import no.heima.questionnaire.Score;
import no.heima.questionnaire.ScoreResult;
import no.heima.combination.CombinationSignals;
import no.heima.triage.CombinationTriage;
import no.heima.triage.AnswerTriggerTriage;
import no.heima.triage.Assessment;
import no.heima.triage.CouldNotAssess;
import no.heima.triage.FailSafe;
import no.heima.triage.RuleVersion;
import no.heima.triage.ThresholdTriage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import no.heima.worklist.ItemRaised;
import no.heima.worklist.Worklist;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Drafts and submissions of questionnaire responses for the logged-in patient's tasks.
 */
@Service
public class ResponseService {

	private static final int MAX_HISTORY = 500;

	private final PatientService patients;

	private final CarePlanService carePlans;

	private final PathwayService pathways;

	private final QuestionnaireService questionnaires;

	private final ResponseRepository repository;

	private final AuditLog audit;

	private final TransactionalOperator tx;

	private final Clock clock;

	private final Outbox outbox;

	private final ResponseFhirMapper fhir;

	private final Worklist worklist;

	private final tools.jackson.databind.json.JsonMapper json;

	private final AttachmentService attachments;

	private final FailSafe failSafe;

	private final CombinationSignals signals;

	private final DomainMetrics metrics;

	ResponseService(PatientService patients, CarePlanService carePlans, PathwayService pathways,
			QuestionnaireService questionnaires, ResponseRepository repository, AuditLog audit,
			TransactionalOperator tx, Clock clock, Outbox outbox, ResponseFhirMapper fhir, Worklist worklist,
			tools.jackson.databind.json.JsonMapper json, AttachmentService attachments, FailSafe failSafe,
			CombinationSignals signals, DomainMetrics metrics) {
		this.signals = signals;
		this.metrics = metrics;
		this.attachments = attachments;
		this.failSafe = failSafe;
		this.worklist = worklist;
		this.json = json;
		this.outbox = outbox;
		this.fhir = fhir;
		this.patients = patients;
		this.carePlans = carePlans;
		this.pathways = pathways;
		this.questionnaires = questionnaires;
		this.repository = repository;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	/** The patient's task a response belongs to. */
	private record Task(Patient patient, CarePlan plan, PublishedPathway pathway, Activity activity) {

		String canonical() {
			return this.activity.questionnaireUrl() + "|" + this.activity.questionnaireVersion();
		}

	}

	public Mono<Instant> saveDraft(CurrentUser actor, UUID carePlanId, String activityId, LocalDate day,
			String responseJson) {
		return task(actor, carePlanId, activityId).flatMap(ResponseService::open)
			.flatMap((task) -> Mono.fromCallable(() -> {
				parse(responseJson);
				return responseJson;
			})
				.flatMap((json) -> this.tx
					.transactional(this.repository.saveDraft(task.patient().id(), carePlanId, activityId, day, json)
						.flatMap((at) -> audit(actor, task.patient().id(), AuditAction.UPDATE, "draft " + activityId)
							.thenReturn(at)))));
	}

	public Mono<ResponseRepository.Draft> draft(CurrentUser actor, UUID carePlanId, String activityId, LocalDate day) {
		return task(actor, carePlanId, activityId)
			.flatMap((task) -> this.repository.draft(task.patient().id(), carePlanId, activityId, day)
				.flatMap((d) -> audit(actor, task.patient().id(), AuditAction.READ, "draft " + activityId)
					.thenReturn(d)))
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No saved draft")));
	}

	/** Throws away a saved draft (the patient starts over). */
	public Mono<Void> discardDraft(CurrentUser actor, UUID carePlanId, String activityId, LocalDate day) {
		return task(actor, carePlanId, activityId).flatMap((task) -> this.tx
			.transactional(this.repository.deleteDraft(task.patient().id(), carePlanId, activityId, day)
				.flatMap((rows) -> (rows == 0)
						? Mono.<Void>error(new HeimaProblemException(ProblemType.NOT_FOUND, "No saved draft"))
						: audit(actor, task.patient().id(), AuditAction.UPDATE, "discarded draft " + activityId))));
	}

	public Mono<SubmittedResponse> submit(CurrentUser actor, ResponseSubmission submission) {
		return submit(actor, submission, null);
	}

	/**
	 * Checks, scores and triages a completed response, then stores it in one transaction.
	 * Everything that needs HAPI FHIR or the rules runs first, off the event loop and
	 * before the transaction opens, so a connection is held only for the writes.
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
		return task(actor, submission.carePlanId(), submission.activityId()).flatMap(ResponseService::open)
			.flatMap((task) -> this.questionnaires
				.json(task.activity().questionnaireUrl(), task.activity().questionnaireVersion())
				.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND,
						"The questionnaire " + task.canonical() + " is not in the library")))
				.flatMap((questionnaireJson) -> prepare(task, submission, questionnaireJson, language, now))
				.flatMap((prepared) -> store(actor, task, prepared)));
	}

	/**
	 * What one submission writes, worked out before the transaction: the response as
	 * stored, its FHIR write-back and the worklist item it raises, if any.
	 */
	private record Prepared(SubmittedResponse result, String responseJson, List<OutboxMessage> outbox,
			ItemRaised raised) {
	}

	private Mono<Prepared> prepare(Task task, ResponseSubmission submission, String questionnaireJson, String language,
			Instant now) {
		return Mono.fromCallable(() -> received(task, submission.questionnaireResponse().toString(), now))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((response) -> this.attachments
				.referenced(task.patient().id(), ResponseFhirMapper.attachmentUrls(response))
				.flatMap((uploads) -> this.questionnaires
					.conform(task.canonical(), response, language, AttachmentService.resolver(uploads))
					.onErrorResume((ex) -> !(ex instanceof HeimaProblemException), (ex) -> unscored(task, response, ex))
					.flatMap((conformed) -> combinationSignals(task, response).flatMap((signals) -> Mono
						.fromCallable(
								() -> prepared(task, submission, conformed, questionnaireJson, now, uploads, signals))
						.subscribeOn(Schedulers.boundedElastic())))));
	}

	/**
	 * Earlier signals of the care plan for its combination rules; a failure to read them
	 * fails the combination step, which the fail-safe reports.
	 */
	private Mono<Supplier<List<CombinationTriage.Signal>>> combinationSignals(Task task,
			QuestionnaireResponse response) {
		return this.signals.before(task.patient().id(), task.plan().id(), response.getAuthored().toInstant(),
				task.pathway().definition().combinations()).<Supplier<List<CombinationTriage.Signal>>>map((earlier) -> () -> earlier)
			.onErrorResume((ex) -> Mono.just(() -> {
				throw new IllegalStateException("Earlier signals could not be read: " + ex.getMessage(), ex);
			}));
	}

	private Prepared prepared(Task task, ResponseSubmission submission, ConformedResponse conformed,
			String questionnaireJson, Instant now, Map<String, StoredAttachment> uploads,
			Supplier<List<CombinationTriage.Signal>> signals) {
		ScoreResult scored = conformed.scored();
		QuestionnaireResponse response = FhirJson.read(QuestionnaireResponse.class, scored.response());
		Assessment triage = this.failSafe.assess(rules(task), task.activity(), upstream(task, scored),
				() -> CombinationTriage.apply(triage(task, scored.scores(), response),
						task.pathway().definition().combinations(), task.activity().id(),
						response.getAuthored().toInstant(), signals.get()));
		SubmittedResponse result = new SubmittedResponse(UUID.randomUUID(), task.plan().id(), task.activity().id(),
				submission.date(), scored.questionnaire(), response.getAuthored().toInstant(), now, scored.scores(),
				triage, triage.adviceFrom(task.pathway().definition()), conformed.dropped());
		return new Prepared(result, scored.response(),
				this.fhir.toOutbox(result, scored.response(), task.patient(), questionnaireJson, uploads),
				raised(task, result));
	}

	/**
	 * For replaying rules (the caller checks access and audits): a care plan's responses
	 * since {@code from}, oldest first.
	 */
	public reactor.core.publisher.Flux<ReplayableResponse> ofCarePlanSince(UUID carePlanId, Instant from) {
		return this.repository.forCarePlan(carePlanId, from);
	}

	public Mono<List<SubmittedResponse>> own(CurrentUser actor, Period period) {
		Instant from = this.clock.instant().atZone(java.time.ZoneOffset.UTC).minus(period).toInstant();
		return this.patients.getOwn(actor)
			.flatMap((patient) -> this.repository.forPatient(patient.id(), from, MAX_HISTORY)
				.collectList()
				.flatMap((list) -> audit(actor, patient.id(), AuditAction.READ, "own responses").thenReturn(list)));
	}

	/**
	 * Parses and completes the resource the server will keep (status, subject, authored);
	 * the questionnaire's own checks come after, in the conformance engine.
	 */
	private static QuestionnaireResponse received(Task task, String responseJson, Instant now) {
		QuestionnaireResponse response = parse(responseJson);
		if (response.hasQuestionnaire() && !response.getQuestionnaire().equals(task.canonical())) {
			throw invalid(List.of(new FieldProblem("questionnaire", "other-questionnaire",
					"This task asks for " + task.canonical())));
		}
		response.setQuestionnaire(task.canonical());
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
	private static Mono<ConformedResponse> unscored(Task task, QuestionnaireResponse response, Throwable ex) {
		return Mono.just(new ConformedResponse(
				new ScoreResult(task.canonical(), List.of(), FhirJson.write(response),
						List.of("scoring failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage())),
				List.of()));
	}

	/** Only writes, in one transaction. */
	private Mono<SubmittedResponse> store(CurrentUser actor, Task task, Prepared prepared) {
		SubmittedResponse result = prepared.result();
		return this.tx
			.transactional(this.repository.insert(task.patient().id(), result, prepared.responseJson(), actor.subject())
				.then(this.repository.deleteDraft(task.plan().id(), task.activity().id(), result.date()))
				.then(this.outbox.enqueueAll(prepared.outbox()))
				.then((prepared.raised() == null) ? Mono.<Void>empty() : this.worklist.raise(prepared.raised()))
				.then(this.carePlans.recordCompletion(task.plan(), task.activity(), result.receivedAt(), result.id())
					.then())
				.then(audit(actor, task.patient().id(), AuditAction.CREATE,
						"response to " + result.questionnaire() + " " + result.triage().level()))
				.thenReturn(result))
			.doOnNext((stored) -> this.metrics.submissionAccepted("response", stored.triage().level()));
	}

	/**
	 * A yellow or red response goes on the care team's worklist, in the same transaction
	 * as the response.
	 */
	private ItemRaised raised(Task task, SubmittedResponse r) {
		if (!r.triage().needsClinician()) {
			return null;
		}
		String scores = r.scores()
			.stream()
			.filter((s) -> s.valueText() != null)
			.map((s) -> s.linkId() + " " + s.valueText())
			.reduce((a, b) -> a + ", " + b)
			.orElse("");
		Patient patient = task.patient();
		return new ItemRaised(patient, task.plan().id(), task.plan().team(),
				ItemRaised.Kind.of(r.triage(), ItemRaised.Kind.RESPONSE), r.id().toString(), task.activity().id(),
				r.triage().level().name(), ItemRaised.summary(task.activity().title() + ": " + scores, r.triage()),
				this.json.writeValueAsString(r.triage()), task.pathway().definition().responseTimes());
	}

	/**
	 * Score bounds (personal bounds winning) and single-answer triggers on the scored
	 * response; the worst level decides.
	 */
	private static Assessment triage(Task task, List<Score> scores, QuestionnaireResponse response) {
		Assessment bounds = scoreBounds(task, scores);
		if (task.activity().triggers().isEmpty()) {
			return bounds;
		}
		List<no.heima.triage.Reason> reasons = new java.util.ArrayList<>(bounds.reasons());
		no.heima.triage.Level level = bounds.level();
		for (no.heima.triage.Reason reason : AnswerTriggerTriage.assess(response, task.activity().triggers())) {
			reasons.add(reason);
			level = level.worst(reason.level());
		}
		return new Assessment(level, reasons, true, bounds.rules());
	}

	/**
	 * Failures met before triage: scoring that failed, or a bounded score it did not
	 * produce.
	 */
	private static List<CouldNotAssess> upstream(Task task, ScoreResult scored) {
		List<CouldNotAssess> failures = new java.util.ArrayList<>();
		if (!scored.failures().isEmpty()) {
			failures.add(new CouldNotAssess(CouldNotAssess.Cause.SCORING,
					"Scoring failed on this response: " + String.join("; ", scored.failures())));
		}
		failures.addAll(FailSafe.missingScores(task.activity(), scoreValues(scored.scores())));
		return failures;
	}

	/** Each score that has a value, by linkId: what bounds are applied to. */
	private static Map<String, BigDecimal> scoreValues(List<Score> scores) {
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		scores.stream().filter((s) -> s.value() != null).forEach((s) -> values.put(s.linkId(), s.value()));
		return values;
	}

	private static RuleVersion rules(Task task) {
		return new RuleVersion(task.plan().pathwayId(), task.plan().pathwayVersion(), task.plan().id(),
				task.plan().version());
	}

	private static Assessment scoreBounds(Task task, List<Score> scores) {
		List<no.heima.pathway.Threshold> personal = task.plan()
			.personalThresholds()
			.stream()
			.filter((p) -> p.activityId().equals(task.activity().id()))
			.map(PersonalThreshold::threshold)
			.toList();
		return ThresholdTriage.assess(scoreValues(scores), task.activity().thresholds(), personal, rules(task));
	}

	/** An ENDED plan takes no more answers or drafts. */
	private static Mono<Task> open(Task task) {
		return (task.plan().status() == CarePlan.Status.ENDED)
				? Mono.error(new HeimaProblemException(ProblemType.STATE_CONFLICT, "The care plan has ended"))
				: Mono.just(task);
	}

	private Mono<Task> task(CurrentUser actor, UUID carePlanId, String activityId) {
		// every caller writes its own audit row for the patient, so the lookup adds none
		return this.patients.ownForSubmission(actor)
			.flatMap((patient) -> this.carePlans.plansOfPatient(patient.id())
				.filter((plan) -> plan.id().equals(carePlanId))
				.next()
				.switchIfEmpty(Mono.error(HeimaProblemException
					.validation(List.of(new FieldProblem("carePlanId", "unknown", "Not one of your care plans")))))
				.flatMap((plan) -> this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
					.flatMap((pathway) -> Mono.justOrEmpty(pathway.activity(activityId)
						.filter((a) -> a.type() == Activity.Type.QUESTIONNAIRE)
						.map((activity) -> new Task(patient, plan, pathway, activity)))))
				.switchIfEmpty(Mono.error(HeimaProblemException.validation(
						List.of(new FieldProblem("activityId", "unknown", "Not a questionnaire of this care plan"))))));
	}

	private static QuestionnaireResponse parse(String json) {
		try {
			return FhirJson.read(QuestionnaireResponse.class, json);
		}
		catch (DataFormatException | ClassCastException ex) {
			throw invalid(List
				.of(new FieldProblem("questionnaireResponse", "malformed", "Not a FHIR R4 QuestionnaireResponse")));
		}
	}

	private static HeimaProblemException invalid(List<FieldProblem> problems) {
		return new HeimaProblemException(ProblemType.INVALID_RESPONSE,
				problems.size() + " answer(s) do not fit the questionnaire", problems);
	}

	private Mono<Void> audit(CurrentUser actor, UUID patientId, AuditAction action, String detail) {
		return this.audit.record(new AuditEntry(actor.subject(), actor.name(), actor.rolesAsText(), patientId, action,
				"QuestionnaireResponse", AuditOutcome.SUCCESS, detail));
	}

}
