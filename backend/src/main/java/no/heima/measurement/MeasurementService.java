package no.heima.measurement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.audit.AuditOutcome;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.careplan.PersonalThreshold;
import no.heima.combination.CombinationSignals;
import no.heima.fhirsync.Outbox;
import no.heima.identity.CurrentUser;
import no.heima.pathway.Activity;
import no.heima.pathway.PathwayService;
import no.heima.pathway.PublishedPathway;
import no.heima.pathway.ResponseTimes;
import no.heima.platform.DomainMetrics;
import no.heima.patient.Patient;
import no.heima.patient.PatientService;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.triage.Assessment;
import no.heima.triage.CombinationTriage;
import no.heima.triage.CouldNotAssess;
import no.heima.triage.FailSafe;
import no.heima.triage.Level;
import no.heima.triage.RuleVersion;
import no.heima.triage.ThresholdTriage;
import no.heima.triage.TrendTriage;
import no.heima.pathway.TrendRule;
import no.heima.worklist.ItemRaised;
import no.heima.worklist.Worklist;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records a patient's measurement: validate and convert, pick the care plan activity it
 * answers, triage against that activity's bounds (the patient's own winning), and store
 * measurement, task completion and audit row in one transaction.
 */
@Service
public class MeasurementService {

	/** Device clocks drift; a little ahead of ours is not "the future". */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final int MAX_HISTORY = 1000;

	/** Older readings (a device clock at 0001-01-01, a typo) are not follow-up data. */
	private static final Duration MAX_AGE = Duration.ofDays(366);

	private final PatientService patients;

	private final CarePlanService carePlans;

	private final PathwayService pathways;

	private final MeasurementRepository repository;

	private final Units units;

	private final AuditLog audit;

	private final TransactionalOperator tx;

	private final Clock clock;

	private final Outbox outbox;

	private final ObservationMapper observations;

	private final Worklist worklist;

	private final JsonMapper json;

	private final FailSafe failSafe;

	private final CombinationSignals signals;

	private final DomainMetrics metrics;

	MeasurementService(PatientService patients, CarePlanService carePlans, PathwayService pathways,
			MeasurementRepository repository, Units units, AuditLog audit, TransactionalOperator tx, Clock clock,
			Outbox outbox, ObservationMapper observations, Worklist worklist, JsonMapper json, FailSafe failSafe,
			CombinationSignals signals, DomainMetrics metrics) {
		this.metrics = metrics;
		this.failSafe = failSafe;
		this.signals = signals;
		this.worklist = worklist;
		this.json = json;
		this.outbox = outbox;
		this.observations = observations;
		this.patients = patients;
		this.carePlans = carePlans;
		this.pathways = pathways;
		this.repository = repository;
		this.units = units;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * The plan, its pathway version and the activity a measurement answers (activity may
	 * be absent).
	 */
	private record Target(CarePlan plan, PublishedPathway pathway, Optional<Activity> activity) {
	}

	public Mono<Measurement> record(CurrentUser actor, MeasurementSubmission submission) {
		if (submission == null || submission.vital() == null || submission.values() == null
				|| submission.values().isEmpty() || submission.measuredAt() == null) {
			return Mono.error(HeimaProblemException.validation(
					List.of(new FieldProblem("vital", "required", "vital, values and measuredAt are required"))));
		}
		Instant now = this.clock.instant();
		if (submission.measuredAt().isBefore(now.minus(MAX_AGE))) {
			return Mono.error(HeimaProblemException.validation(List.of(new FieldProblem("measuredAt", "range",
					"More than " + MAX_AGE.toDays() + " days ago; check the device clock"))));
		}
		if (submission.measuredAt().isAfter(now.plus(CLOCK_SKEW))) {
			return Mono.error(new HeimaProblemException(ProblemType.MEASURED_IN_FUTURE,
					"The measurement time is in the future; check the device clock",
					List.of(new FieldProblem("measuredAt", "future", "After " + now))));
		}
		List<EnteredValue> values;
		try {
			values = MeasurementValues.normalise(submission.vital(), submission.values(), this.units);
		}
		catch (HeimaProblemException invalid) {
			return Mono.error(invalid);
		}
		return this.patients.ownForSubmission(actor)
			.flatMap((patient) -> this.carePlans.plansOfPatient(patient.id())
				.collectList()
				.flatMap((plans) -> target(plans, submission))
				.flatMap((target) -> store(actor, patient, target, submission, values, now)));
	}

	/**
	 * For replaying rules (the caller checks access and audits): a care plan's
	 * measurements since {@code from}, oldest first.
	 */
	public Flux<Measurement> ofCarePlanSince(UUID carePlanId, Instant from) {
		return this.repository.forCarePlan(carePlanId, from);
	}

	/** The logged-in patient's own measurements, newest first (for their charts). */
	public Mono<List<Measurement>> own(CurrentUser actor, no.heima.vital.Vital vital, Period period) {
		Instant to = this.clock.instant().plus(CLOCK_SKEW);
		Instant from = to.atZone(ZoneId.of("UTC")).minus(period).toInstant();
		return this.patients.getOwn(actor)
			.flatMap((patient) -> this.repository.forPatient(patient.id(), vital, from, to, MAX_HISTORY)
				.collectList()
				.flatMap((list) -> audit(actor, patient.id(), AuditAction.READ, "own measurements").thenReturn(list)));
	}

	/**
	 * A clinician's view of a patient's measurements (team access checked and audited).
	 */
	public Mono<List<Measurement>> ofPatient(CurrentUser actor, UUID patientId, no.heima.vital.Vital vital,
			Period period) {
		Instant to = this.clock.instant().plus(CLOCK_SKEW);
		Instant from = to.atZone(ZoneId.of("UTC")).minus(period).toInstant();
		return this.patients.get(actor, patientId)
			.flatMap((patient) -> this.repository.forPatient(patient.id(), vital, from, to, MAX_HISTORY)
				.collectList()
				.flatMap((list) -> audit(actor, patient.id(), AuditAction.READ, "measurements").thenReturn(list)));
	}

	private Mono<Target> target(List<CarePlan> plans, MeasurementSubmission s) {
		List<CarePlan> open = plans.stream().filter((p) -> p.status() != CarePlan.Status.ENDED).toList();
		if (open.isEmpty()) {
			return Mono.error(new HeimaProblemException(ProblemType.NOT_ENROLLED,
					"You are not in active follow-up, so there is nothing to record this under"));
		}
		if (s.carePlanId() != null) {
			Optional<CarePlan> chosen = open.stream().filter((p) -> p.id().equals(s.carePlanId())).findFirst();
			if (chosen.isEmpty()) {
				return Mono.error(HeimaProblemException
					.validation(List.of(new FieldProblem("carePlanId", "unknown", "Not one of your care plans"))));
			}
			return withPathway(chosen.get()).flatMap((target) -> {
				Optional<Activity> activity = (s.activityId() == null) ? firstFor(target.pathway(), s)
						: target.pathway().activity(s.activityId()).filter((a) -> matches(a, s));
				if (s.activityId() != null && activity.isEmpty()) {
					return Mono.error(HeimaProblemException.validation(List.of(new FieldProblem("activityId", "unknown",
							"Not a " + s.vital() + " measurement of this care plan"))));
				}
				if (activity.isEmpty()) {
					return Mono.error(notAskedFor(s));
				}
				return Mono.just(new Target(target.plan(), target.pathway(), activity));
			});
		}
		return reactor.core.publisher.Flux.fromIterable(open)
			.concatMap(this::withPathway)
			.map((t) -> new Target(t.plan(), t.pathway(), firstFor(t.pathway(), s)))
			.collectList()
			.flatMap((targets) -> Mono.justOrEmpty(targets.stream().filter((t) -> t.activity().isPresent()).findFirst())
				.switchIfEmpty(Mono.error(notAskedFor(s))));
	}

	/** A vital no plan asks for has no bounds to triage by and nobody to look at it. */
	private static HeimaProblemException notAskedFor(MeasurementSubmission s) {
		return new HeimaProblemException(ProblemType.NOT_ENROLLED,
				"None of your care plans asks for " + s.vital().display(),
				List.of(new FieldProblem("vital", "not-in-plan", "No care plan asks for " + s.vital())));
	}

	private Mono<Target> withPathway(CarePlan plan) {
		return this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
			.map((pathway) -> new Target(plan, pathway, Optional.empty()));
	}

	private static Optional<Activity> firstFor(PublishedPathway pathway, MeasurementSubmission s) {
		return pathway.definition().activities().stream().filter((a) -> matches(a, s)).findFirst();
	}

	private static boolean matches(Activity activity, MeasurementSubmission s) {
		return activity.type() == Activity.Type.MEASUREMENT && activity.vital() == s.vital();
	}

	private Mono<Measurement> store(CurrentUser actor, Patient patient, Target target, MeasurementSubmission s,
			List<EnteredValue> values, Instant receivedAt) {
		CarePlan plan = target.plan();
		Instant enrolled = plan.startDate().atStartOfDay(ZoneId.of(plan.timeZone())).toInstant();
		if (s.measuredAt().isBefore(enrolled)) {
			return Mono.error(new HeimaProblemException(ProblemType.MEASURED_BEFORE_ENROLMENT,
					"The measurement is from before your follow-up started on " + plan.startDate(),
					List.of(new FieldProblem("measuredAt", "before-enrolment", "Before " + plan.startDate()))));
		}
		return history(patient, target, s).<Supplier<Map<String, List<TrendTriage.Point>>>>map(
				(earlier) -> () -> earlier)
			// earlier values that cannot be read fail the trend step, which the fail-safe
			// reports
			.onErrorResume((ex) -> Mono.just(() -> {
				throw new IllegalStateException("Earlier values could not be read: " + ex.getMessage(), ex);
			}))
			.zipWith(combinationSignals(patient, target, s))
			.flatMap((earlier) -> storeTriaged(actor, patient, target, s, values, receivedAt,
					failSafeTriage(target, s, values, earlier.getT1(), earlier.getT2())));
	}

	/**
	 * Earlier signals of the care plan for its combination rules; a failure to read them
	 * fails the combination step, which the fail-safe reports.
	 */
	private Mono<Supplier<List<CombinationTriage.Signal>>> combinationSignals(Patient patient, Target target,
			MeasurementSubmission s) {
		return this.signals
			.before(patient.id(), target.plan().id(), s.measuredAt(),
					target.pathway().definition().combinations()).<Supplier<List<CombinationTriage.Signal>>>map((earlier) -> () -> earlier)
			.onErrorResume((ex) -> Mono.just(() -> {
				throw new IllegalStateException("Earlier signals could not be read: " + ex.getMessage(), ex);
			}));
	}

	/**
	 * Triage through the fail-safe: values whose unit could not be converted are left out
	 * of the rules and reported.
	 */
	private Assessment failSafeTriage(Target target, MeasurementSubmission s, List<EnteredValue> values,
			Supplier<Map<String, List<TrendTriage.Point>>> earlier, Supplier<List<CombinationTriage.Signal>> signals) {
		List<EnteredValue> unconverted = MeasurementValues.unconverted(s.vital(), values);
		List<EnteredValue> converted = values.stream().filter((v) -> !unconverted.contains(v)).toList();
		List<CouldNotAssess> upstream = unconverted.stream()
			.map((v) -> new CouldNotAssess(CouldNotAssess.Cause.UNIT,
					v.code() + " " + v.value().toPlainString() + " '" + v.unit() + "' could not be converted to "
							+ s.vital().component(v.code()).orElseThrow().unit()))
			.toList();
		RuleVersion rules = new RuleVersion(target.plan().pathwayId(), target.plan().pathwayVersion(),
				target.plan().id(), target.plan().version());
		return this.failSafe.assess(rules, target.activity().orElse(null), upstream,
				() -> CombinationTriage.apply(triage(target, converted, s.measuredAt(), earlier.get()),
						target.pathway().definition().combinations(), target.activity().map(Activity::id).orElse(null),
						s.measuredAt(), signals.get()));
	}

	/**
	 * Earlier values of this vital within the longest trend window of the activity (none
	 * without trends).
	 */
	private Mono<Map<String, List<TrendTriage.Point>>> history(Patient patient, Target target,
			MeasurementSubmission s) {
		int days = target.activity()
			.map((a) -> a.trends().stream().mapToInt(TrendRule::windowDays).max().orElse(0))
			.orElse(0);
		if (days == 0) {
			return Mono.just(Map.of());
		}
		return this.repository
			.forPatient(patient.id(), s.vital(), s.measuredAt().minus(java.time.Duration.ofDays(days)), s.measuredAt(),
					MAX_HISTORY)
			.flatMapIterable((m) -> m.values()
				.stream()
				.filter((v) -> !MeasurementValues.unconverted(m.vital(), List.of(v)).contains(v))
				.map((v) -> Map.entry(v.code(), new TrendTriage.Point(m.measuredAt(), v.value())))
				.toList())
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map((grouped) -> {
				Map<String, List<TrendTriage.Point>> result = new java.util.HashMap<>();
				grouped.forEach((code, points) -> result.put(code, List.copyOf(points)));
				return result;
			});
	}

	private Mono<Measurement> storeTriaged(CurrentUser actor, Patient patient, Target target, MeasurementSubmission s,
			List<EnteredValue> values, Instant receivedAt, Assessment triage) {
		CarePlan plan = target.plan();
		UUID id = UUID.randomUUID();
		Measurement measurement = new Measurement(id, patient.id(), s.vital(), values, s.values(), s.measuredAt(),
				receivedAt, plan.id(), target.activity().map(Activity::id).orElse(null),
				"DEVICE".equals(s.source()) ? "DEVICE" : "MANUAL", triage,
				triage.adviceFrom(target.pathway().definition()));
		Mono<Void> completion = target.activity()
			.map((activity) -> this.carePlans.recordCompletion(plan, activity, s.measuredAt(), id).then())
			.orElse(Mono.empty());
		return this.tx
			.transactional(this.repository.insert(measurement, id, actor.subject())
				.then(completion)
				.then(this.outbox.enqueueAll(this.observations.toOutbox(measurement, patient)))
				.then(raise(patient, plan, measurement, target.pathway().definition().responseTimes()))
				.then(audit(actor, patient.id(), AuditAction.CREATE, s.vital() + " " + triage.level()))
				.thenReturn(measurement))
			.doOnNext((stored) -> this.metrics.submissionAccepted("measurement", triage.level()));
	}

	/**
	 * A yellow or red measurement goes on the care team's worklist, in the same
	 * transaction.
	 */
	private Mono<Void> raise(Patient patient, CarePlan plan, Measurement m, ResponseTimes responseTimes) {
		if (!m.triage().needsClinician()) {
			return Mono.empty();
		}
		String values = m.values().stream().map((v) -> v.value().toPlainString()).collect(Collectors.joining(" / "))
				+ " " + m.values().get(0).unit();
		return this.worklist.raise(new ItemRaised(patient, plan.id(), plan.team(),
				ItemRaised.Kind.of(m.triage(), ItemRaised.Kind.MEASUREMENT), m.id().toString(), m.activityId(),
				m.triage().level().name(), ItemRaised.summary(m.vital().display() + ": " + values, m.triage()),
				this.json.writeValueAsString(WorklistDetail.of(m)), responseTimes));
	}

	/**
	 * Thresholds (personal bounds winning) and trend rules together; the worst level
	 * decides.
	 */
	private static Assessment triage(Target target, List<EnteredValue> values, Instant at,
			Map<String, List<TrendTriage.Point>> history) {
		Assessment bounds = thresholds(target, values);
		List<TrendRule> trends = target.activity().map(Activity::trends).orElse(List.of());
		if (trends.isEmpty()) {
			return bounds;
		}
		Map<String, java.math.BigDecimal> byCode = values.stream()
			.collect(Collectors.toMap(EnteredValue::code, EnteredValue::value));
		List<no.heima.triage.Reason> reasons = new java.util.ArrayList<>(bounds.reasons());
		Level level = bounds.level();
		for (no.heima.triage.Reason reason : TrendTriage.assess(byCode, at, history, trends)) {
			reasons.add(reason);
			level = level.worst(reason.level());
		}
		return new Assessment(level, reasons, true, bounds.rules());
	}

	private static Assessment thresholds(Target target, List<EnteredValue> values) {
		Map<String, java.math.BigDecimal> byCode = values.stream()
			.collect(Collectors.toMap(EnteredValue::code, EnteredValue::value));
		String activityId = target.activity().map(Activity::id).orElse(null);
		List<no.heima.pathway.Threshold> personal = target.plan()
			.personalThresholds()
			.stream()
			.filter((p) -> p.activityId().equals(activityId))
			.map(PersonalThreshold::threshold)
			.toList();
		RuleVersion rules = new RuleVersion(target.plan().pathwayId(), target.plan().pathwayVersion(),
				target.plan().id(), target.plan().version());
		return ThresholdTriage.assess(byCode, target.activity().map(Activity::thresholds).orElse(List.of()), personal,
				rules);
	}

	private Mono<Void> audit(CurrentUser actor, UUID patientId, AuditAction action, String detail) {
		return this.audit.record(new AuditEntry(actor.subject(), actor.name(), actor.rolesAsText(), patientId, action,
				"Observation", AuditOutcome.SUCCESS, detail));
	}

}
