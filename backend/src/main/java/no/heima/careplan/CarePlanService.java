package no.heima.careplan;

import no.heima.identity.Access;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditLog;
import no.heima.fhir.FhirJson;
import no.heima.identity.CurrentUser;
import no.heima.identity.Role;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayService;
import no.heima.patient.Patient;
import no.heima.patient.PatientService;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.platform.SqlWrite;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Enrolment and the life of a care plan. CLINICIANs of the plan's team enrol, pause,
 * resume, end and set personal bounds; the patient reads their own plans and tasks. Every
 * read and change is audited in its transaction.
 */
@Service
public class CarePlanService {

	static final String RESOURCE = "CarePlan";

	private static final int MAX_DAYS_BACK = 90;

	private static final int MAX_DAYS_AHEAD = 365;

	private static final int MAX_REASON = 500;

	private final CarePlanRepository repository;

	private final CarePlans plans;

	private final PatientService patients;

	private final PathwayService pathways;

	private final AuditLog audit;

	private final TransactionalOperator tx;

	private final Clock clock;

	private final CarePlanExport export;

	CarePlanService(CarePlanRepository repository, CarePlans plans, PatientService patients, PathwayService pathways,
			AuditLog audit, TransactionalOperator tx, Clock clock, CarePlanExport export) {
		this.export = export;
		this.repository = repository;
		this.plans = plans;
		this.patients = patients;
		this.pathways = pathways;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	public Mono<CarePlan> enrol(CurrentUser actor, UUID patientId, Enrolment enrolment) {
		return Access.require(actor, Role.CLINICIAN)
			.then(this.patients.get(actor, patientId))
			.flatMap((patient) -> validated(actor, patient, enrolment))
			.flatMap((checked) -> {
				UUID id = UUID.randomUUID();
				return this.tx.transactional(this.repository
					.insert(id, patientId, checked.pathwayId(), checked.pathwayVersion(), checked.team(),
							checked.startDate(), checked.timeZone(), actor.subject(), checked.evaluationDate())
					.then(audit(actor, patientId, AuditAction.CREATE,
							"enrolled on pathway " + checked.pathwayId() + " v" + checked.pathwayVersion()))
					.then(this.plans.load(id)));
			});
	}

	public Mono<List<CarePlan>> forPatient(CurrentUser actor, UUID patientId) {
		return Access.require(actor, Role.CLINICIAN)
			.then(this.patients.get(actor, patientId))
			.flatMap((patient) -> this.tx.transactional(audit(actor, patientId, AuditAction.READ, "care plans")
				.thenMany(this.plans.completeAll(this.repository.forPatient(patientId)))
				.filter((plan) -> actor.isMemberOf(plan.team()))
				.collectList()));
	}

	public Mono<CarePlan> get(CurrentUser actor, UUID carePlanId) {
		return visible(actor, carePlanId).flatMap(
				(plan) -> audit(actor, plan.patientId(), AuditAction.READ, "care plan " + carePlanId).thenReturn(plan));
	}

	/** The logged-in patient's own care plans. */
	public Mono<List<CarePlan>> own(CurrentUser actor) {
		return Access.require(actor, Role.PATIENT)
			.then(this.patients.getOwn(actor))
			.flatMap((patient) -> this.plans.completeAll(this.repository.forPatient(patient.id()))
				.collectList()
				.flatMap((list) -> audit(actor, patient.id(), AuditAction.READ, "own care plans").thenReturn(list)));
	}

	public Mono<CarePlan> setThresholds(CurrentUser actor, UUID carePlanId, long expectedVersion,
			List<PersonalThreshold> thresholds) {
		return visible(actor, carePlanId)
			.flatMap((plan) -> this.pathways.published(plan.pathwayId(), plan.pathwayVersion()).flatMap((pathway) -> {
				List<FieldProblem> problems = new ArrayList<>();
				for (int i = 0; i < thresholds.size(); i++) {
					PersonalThreshold personal = thresholds.get(i);
					String path = "[" + i + "]";
					var activity = (personal == null) ? java.util.Optional.<Activity>empty()
							: pathway.activity(personal.activityId());
					if (activity.isEmpty()) {
						problems.add(new FieldProblem(path + ".activityId", "unknown", "Not an activity of this plan"));
					}
					else {
						problems.addAll(this.pathways.checkThreshold(path + ".threshold", activity.get(),
								personal.threshold()));
					}
				}
				if (!problems.isEmpty()) {
					return Mono.error(HeimaProblemException.validation(problems));
				}
				return change(actor, plan, this.repository.setThresholds(carePlanId, expectedVersion, thresholds),
						"personal thresholds");
			}));
	}

	public Mono<CarePlan> pause(CurrentUser actor, UUID carePlanId, long expectedVersion, String reason, LocalDate from,
			LocalDate until) {
		LocalDate start = (from != null) ? from : today();
		List<FieldProblem> problems = new ArrayList<>();
		if (reason == null || reason.isBlank()) {
			problems.add(new FieldProblem("reason", "required", "Say why the follow-up is paused"));
		}
		if (until != null && until.isBefore(start)) {
			problems.add(new FieldProblem("until", "order", "The pause must end on or after it starts"));
		}
		if (start.isBefore(today().minusDays(MAX_DAYS_BACK)) || start.isAfter(today().plusDays(MAX_DAYS_AHEAD))) {
			problems.add(new FieldProblem("from", "range",
					"Within " + MAX_DAYS_BACK + " days back and " + MAX_DAYS_AHEAD + " days ahead"));
		}
		if (until != null && until.isAfter(today().plusDays(MAX_DAYS_AHEAD))) {
			problems.add(new FieldProblem("until", "range", "At most " + MAX_DAYS_AHEAD + " days ahead"));
		}
		if (reason != null && reason.length() > MAX_REASON) {
			problems.add(new FieldProblem("reason", "too-long", "At most " + MAX_REASON + " characters"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(HeimaProblemException.validation(problems));
		}
		return visible(actor, carePlanId).flatMap((plan) -> ended(plan) ? Mono.error(endedProblem())
				: change(actor, plan, this.repository.bumpVersion(carePlanId, expectedVersion)
					.flatMap((rows) -> (rows == 0) ? Mono.just(0L)
							: this.repository.addPause(carePlanId, start, until, reason.strip(), actor.subject())
								.thenReturn(rows)),
						"paused from " + start + (until != null ? " until " + until : "") + ": " + reason));
	}

	public Mono<CarePlan> resume(CurrentUser actor, UUID carePlanId, long expectedVersion) {
		return visible(actor,
				carePlanId)
			.flatMap((plan) -> change(actor, plan,
					this.repository.bumpVersion(carePlanId, expectedVersion)
						.flatMap((rows) -> (rows == 0) ? Mono.just(0L)
								: this.repository.resume(carePlanId, today()).thenReturn(rows)),
					"resumed"));
	}

	public Mono<CarePlan> end(CurrentUser actor, UUID carePlanId, long expectedVersion, String reason) {
		if (reason == null || reason.isBlank()) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("reason", "required", "Say why the follow-up ends"))));
		}
		return visible(actor, carePlanId).flatMap((plan) -> ended(plan) ? Mono.error(endedProblem()) : change(actor,
				plan, this.repository.end(carePlanId, expectedVersion, today(), reason.strip()), "ended: " + reason));
	}

	/**
	 * The care team evaluates the follow-up: continues it, changes the patient's
	 * thresholds, or ends it; the next evaluation day is set (or cleared) with the first
	 * two, in the same transaction.
	 */
	public Mono<CarePlan> evaluate(CurrentUser actor, UUID carePlanId, long expectedVersion, Evaluation evaluation) {
		List<FieldProblem> problems = new ArrayList<>();
		if (evaluation == null || evaluation.outcome() == null) {
			problems.add(new FieldProblem("outcome", "required", "CONTINUE, CHANGE_THRESHOLDS or END"));
		}
		else if (evaluation.outcome() == Evaluation.Outcome.END
				&& (evaluation.note() == null || evaluation.note().isBlank())) {
			problems.add(new FieldProblem("note", "required", "Say why the follow-up ends"));
		}
		else if (evaluation.outcome() == Evaluation.Outcome.CHANGE_THRESHOLDS && evaluation.thresholds() == null) {
			problems.add(new FieldProblem("thresholds", "required", "The patient's new thresholds"));
		}
		if (evaluation != null) {
			Evaluation.dateProblem("nextEvaluationDate", evaluation.nextEvaluationDate(), today().plusDays(1))
				.ifPresent(problems::add);
		}
		if (evaluation != null && evaluation.note() != null && evaluation.note().length() > 2000) {
			problems.add(new FieldProblem("note", "length", "At most 2000 characters"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(HeimaProblemException.validation(problems));
		}
		String note = (evaluation.note() != null) ? evaluation.note().strip() : "";
		String detail = "evaluated: " + evaluation.outcome() + (note.isEmpty() ? "" : " (" + note + ")");
		return switch (evaluation.outcome()) {
			case END -> end(actor, carePlanId, expectedVersion, note);
			case CONTINUE -> visible(actor, carePlanId).flatMap((plan) -> ended(plan) ? Mono.error(endedProblem())
					: change(actor, plan,
							this.repository.setEvaluation(carePlanId, expectedVersion, evaluation.nextEvaluationDate()),
							detail));
			case CHANGE_THRESHOLDS -> this.tx.transactional(setThresholds(actor, carePlanId, expectedVersion,
					evaluation.thresholds())
				.flatMap((changed) -> change(actor, changed,
						this.repository.setEvaluation(carePlanId, changed.version(), evaluation.nextEvaluationDate()),
						detail)));
		};
	}

	/** Moves the patient to another published version of the same pathway. */
	public Mono<CarePlan> move(CurrentUser actor, UUID carePlanId, long expectedVersion, int pathwayVersion) {
		return visible(actor, carePlanId).flatMap((plan) -> this.pathways.published(plan.pathwayId(), pathwayVersion)
			.switchIfEmpty(Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("pathwayVersion", "unknown", "No such published version")))))
			.flatMap((pathway) -> change(actor, plan, this.repository.move(carePlanId, expectedVersion, pathwayVersion),
					"moved to pathway version " + pathwayVersion)));
	}

	/**
	 * For other features (which check access and audit themselves): the patient's care
	 * plans, newest first.
	 */
	public Flux<CarePlan> plansOfPatient(UUID patientId) {
		return this.plans.ofPatient(patientId);
	}

	/**
	 * For background work: every care plan that has not ended, with its tasks on a day.
	 */
	public Flux<CarePlan> plansOnPathway(UUID pathwayId) {
		return this.plans.completeAll(this.repository.onPathway(pathwayId));
	}

	/** For background work: every care plan that has not ended. */
	public Flux<CarePlan> openPlans() {
		return this.plans.completeAll(this.repository.open());
	}

	/** For background work and aggregates: the open plans of these teams. */
	public Flux<CarePlan> openPlansOf(List<String> teams) {
		return teams.isEmpty() ? Flux.empty() : this.plans.completeAll(this.repository.openOfTeams(teams));
	}

	/**
	 * For background work over many plans: each plan's tasks on its days ({@code days}
	 * gives a plan's list), with their states now, from one read of the completions.
	 */
	public Flux<Map.Entry<CarePlan, List<Task>>> tasksOn(List<CarePlan> plans,
			java.util.function.Function<CarePlan, List<LocalDate>> days) {
		return this.plans.tasksOf(plans, days);
	}

	/** For background work: a plan's tasks on {@code day}, with their states now. */
	public Mono<List<Task>> tasksOn(CarePlan plan, LocalDate day) {
		return this.plans.tasks(plan, day);
	}

	/**
	 * Marks the task done when {@code activity} is due on the local day of {@code at} (in
	 * the caller's transaction); a submission outside the plan's days completes nothing.
	 * Emits the day it completed.
	 */
	public Mono<LocalDate> recordCompletion(CarePlan plan, Activity activity, Instant at, UUID submissionId) {
		LocalDate day = LocalDate.ofInstant(at, ZoneId.of(plan.timeZone()));
		if (!plan.activeOn(day) || !activity.schedule().occursOn(plan.startDate(), day)) {
			return Mono.empty();
		}
		return this.repository.complete(plan.id(), activity.id(), day, at, submissionId).thenReturn(day);
	}

	/**
	 * As {@link #recordCompletion}, as a write to run within the submission's one
	 * statement; empty when the day has no such task.
	 */
	public Optional<SqlWrite> completionWrite(CarePlan plan, Activity activity, Instant at, UUID submissionId) {
		LocalDate day = LocalDate.ofInstant(at, ZoneId.of(plan.timeZone()));
		if (!plan.activeOn(day) || !activity.schedule().occursOn(plan.startDate(), day)) {
			return Optional.empty();
		}
		return Optional.of(CarePlanRepository.completeWrite(plan.id(), activity.id(), day, at, submissionId));
	}

	/**
	 * The plan as FHIR CarePlan JSON (an audited read of the plan and of the patient).
	 */
	public Mono<String> fhir(CurrentUser actor, UUID carePlanId) {
		return get(actor, carePlanId).flatMap((plan) -> Mono
			.zip(this.patients.get(actor, plan.patientId()),
					this.pathways.published(plan.pathwayId(), plan.pathwayVersion()))
			.map((parts) -> FhirJson.write(this.export.toFhir(plan, parts.getT1(), parts.getT2()))));
	}

	public Mono<List<Task>> tasks(CurrentUser actor, UUID carePlanId, LocalDate from, int days) {
		if (days < 1 || days > 62) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("days", "range", "Between 1 and 62 days"))));
		}
		return get(actor, carePlanId).flatMap((plan) -> Flux.range(0, days)
			.concatMap((offset) -> this.plans.tasks(plan, from.plusDays(offset)))
			.flatMapIterable((list) -> list)
			.collectList());
	}

	/** The logged-in patient's tasks on {@code day} across their care plans. */
	public Mono<List<Task>> ownTasks(CurrentUser actor, LocalDate day) {
		return own(actor).flatMap((list) -> Flux.fromIterable(list)
			.concatMap((plan) -> this.plans.tasks(plan, day))
			.flatMapIterable((tasks) -> tasks)
			.sort((a, b) -> a.windowStart().compareTo(b.windowStart()))
			.collectList());
	}

	private Mono<CarePlan> change(CurrentUser actor, CarePlan plan, Mono<Long> update, String detail) {
		return this.tx
			.transactional(update
				.flatMap((rows) -> (rows == 0)
						? Mono.<Void>error(new HeimaProblemException(ProblemType.VERSION_CONFLICT,
								"The care plan was changed by someone else; reload and try again"))
						: audit(actor, plan.patientId(), AuditAction.UPDATE, detail))
				.then(this.plans.load(plan.id())));
	}

	private Mono<CarePlan> visible(CurrentUser actor, UUID carePlanId) {
		return Access.require(actor, Role.CLINICIAN)
			.then(this.plans.load(carePlanId))
			.filter((plan) -> actor.isMemberOf(plan.team()))
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such care plan")));
	}

	private Mono<Enrolment> validated(CurrentUser actor, Patient patient, Enrolment e) {
		List<FieldProblem> problems = new ArrayList<>();
		if (e.pathwayId() == null) {
			problems.add(new FieldProblem("pathwayId", "required", "Choose a pathway"));
		}
		LocalDate start = (e.startDate() != null) ? e.startDate() : today();
		if (start.isBefore(today().minusDays(MAX_DAYS_BACK))) {
			problems.add(new FieldProblem("startDate", "range", "At most " + MAX_DAYS_BACK + " days back"));
		}
		// a start years ahead (9999-12-31) would refuse every measurement until then
		if (start.isAfter(today().plusDays(MAX_DAYS_AHEAD))) {
			problems.add(new FieldProblem("startDate", "range", "At most " + MAX_DAYS_AHEAD + " days ahead"));
		}
		Evaluation.dateProblem("evaluationDate", e.evaluationDate(), start).ifPresent(problems::add);
		String zone = (e.timeZone() != null && !e.timeZone().isBlank()) ? e.timeZone() : "Europe/Oslo";
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException invalid) {
			problems.add(new FieldProblem("timeZone", "format", "Not a time zone, e.g. Europe/Oslo"));
		}
		if (!problems.isEmpty()) {
			return Mono.error(HeimaProblemException.validation(problems));
		}
		return this.pathways.get(actor, e.pathwayId())
			.onErrorMap(HeimaProblemException.class,
					(notVisible) -> HeimaProblemException.validation(
							List.of(new FieldProblem("pathwayId", "unknown", "No such pathway for your teams"))))
			.then(this.pathways.published(e.pathwayId(), e.pathwayVersion()))
			.switchIfEmpty(Mono.error(HeimaProblemException.validation(List
				.of(new FieldProblem("pathwayVersion", "unknown", "The pathway has no such published version")))))
			.flatMap((pathway) -> {
				String team = (e.team() != null && !e.team().isBlank()) ? e.team() : pathway.team();
				if (!actor.isMemberOf(team)) {
					return Mono.error(HeimaProblemException
						.validation(List.of(new FieldProblem("team", "not-member", "Not one of your teams"))));
				}
				return Mono
					.just(new Enrolment(pathway.pathwayId(), pathway.version(), start, team, zone, e.evaluationDate()));
			});
	}

	private Mono<Void> audit(CurrentUser actor, UUID patientId, AuditAction action, String detail) {
		return this.audit.success(actor, patientId, action, RESOURCE, detail);
	}

	private static boolean ended(CarePlan plan) {
		return plan.status() == CarePlan.Status.ENDED;
	}

	private static HeimaProblemException endedProblem() {
		return new HeimaProblemException(ProblemType.STATE_CONFLICT, "The care plan has ended");
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
