package no.heima.measurement;

import org.springframework.modulith.NamedInterface;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditLog;
import no.heima.careplan.CarePlan;
import no.heima.identity.CurrentUser;
import no.heima.pathway.TrendRule;
import no.heima.patient.Patient;
import no.heima.patient.PatientService;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.submission.Accepted;
import no.heima.submission.SubmissionKind;
import no.heima.submission.SubmissionPipeline;
import no.heima.submission.SubmissionTarget;
import no.heima.triage.Assessment;
import no.heima.triage.CouldNotAssess;
import no.heima.triage.SubmissionTriage;
import no.heima.triage.TrendTriage;
import no.heima.vital.Vital;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records a patient's measurement: validate and convert, pick the care plan activity it
 * answers, triage against that activity's rules, and hand it to the submission pipeline.
 */
@NamedInterface("readings")
@Service
public class MeasurementService {

	/** Device clocks drift; a little ahead of ours is not "the future". */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final int MAX_HISTORY = 1000;

	/** Older readings (a device clock at 0001-01-01, a typo) are not follow-up data. */
	private static final Duration MAX_AGE = Duration.ofDays(366);

	private final PatientService patients;

	private final MeasurementTargets targets;

	private final MeasurementRepository repository;

	private final Units units;

	private final Clock clock;

	private final ObservationMapper observations;

	private final SubmissionPipeline pipeline;

	private final AuditLog audit;

	MeasurementService(PatientService patients, MeasurementTargets targets, MeasurementRepository repository,
			Units units, Clock clock, ObservationMapper observations, SubmissionPipeline pipeline, AuditLog audit) {
		this.patients = patients;
		this.targets = targets;
		this.repository = repository;
		this.units = units;
		this.clock = clock;
		this.observations = observations;
		this.pipeline = pipeline;
		this.audit = audit;
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
			.flatMap((patient) -> this.targets.of(patient, submission))
			.flatMap((target) -> store(actor, target, submission, values, now));
	}

	/**
	 * For replaying rules (the caller checks access and audits): a care plan's
	 * measurements since {@code from}, oldest first.
	 */
	public Flux<Measurement> ofCarePlanSince(UUID carePlanId, Instant from) {
		return this.repository.forCarePlan(carePlanId, from);
	}

	/** The logged-in patient's own measurements, newest first (for their charts). */
	public Mono<List<Measurement>> own(CurrentUser actor, Vital vital, Period period) {
		return this.patients.getOwn(actor)
			.flatMap((patient) -> read(actor, patient, vital, period, "own measurements"));
	}

	/**
	 * A clinician's view of a patient's measurements (team access checked and audited).
	 */
	public Mono<List<Measurement>> ofPatient(CurrentUser actor, UUID patientId, Vital vital, Period period) {
		return this.patients.get(actor, patientId)
			.flatMap((patient) -> read(actor, patient, vital, period, "measurements"));
	}

	private Mono<List<Measurement>> read(CurrentUser actor, Patient patient, Vital vital, Period period,
			String detail) {
		Instant to = this.clock.instant().plus(CLOCK_SKEW);
		Instant from = to.atZone(ZoneId.of("UTC")).minus(period).toInstant();
		return this.repository.forPatient(patient.id(), vital, from, to, MAX_HISTORY)
			.collectList()
			.flatMap((list) -> this.audit
				.success(actor, patient.id(), AuditAction.READ, SubmissionKind.MEASUREMENT.resource(), detail)
				.thenReturn(list));
	}

	private Mono<Measurement> store(CurrentUser actor, SubmissionTarget target, MeasurementSubmission s,
			List<EnteredValue> values, Instant receivedAt) {
		CarePlan plan = target.plan();
		Instant enrolled = plan.startDate().atStartOfDay(ZoneId.of(plan.timeZone())).toInstant();
		if (s.measuredAt().isBefore(enrolled)) {
			return Mono.error(new HeimaProblemException(ProblemType.MEASURED_BEFORE_ENROLMENT,
					"The measurement is from before your follow-up started on " + plan.startDate(),
					List.of(new FieldProblem("measuredAt", "before-enrolment", "Before " + plan.startDate()))));
		}
		return history(target, s).<Supplier<Map<String, List<TrendTriage.Point>>>>map((earlier) -> () -> earlier)
			// earlier values that cannot be read fail the trend step, which the fail-safe
			// reports
			.onErrorResume((ex) -> Mono.just(() -> {
				throw new IllegalStateException("Earlier values could not be read: " + ex.getMessage(), ex);
			}))
			.zipWith(this.pipeline.earlierSignals(target, s.measuredAt()))
			.flatMap((earlier) -> {
				Assessment triage = triage(target, s, values, earlier.getT1(), earlier.getT2());
				return this.pipeline.accept(actor, target, accepted(actor, target, s, values, receivedAt, triage));
			});
	}

	/**
	 * Triage through the pipeline's fail-safe: values whose unit could not be converted
	 * are left out of the rules and reported.
	 */
	private Assessment triage(SubmissionTarget target, MeasurementSubmission s, List<EnteredValue> values,
			Supplier<Map<String, List<TrendTriage.Point>>> history,
			Supplier<List<no.heima.triage.CombinationTriage.Signal>> signals) {
		List<EnteredValue> unconverted = MeasurementValues.unconverted(s.vital(), values);
		List<EnteredValue> converted = values.stream().filter((v) -> !unconverted.contains(v)).toList();
		List<CouldNotAssess> upstream = unconverted.stream()
			.map((v) -> new CouldNotAssess(CouldNotAssess.Cause.UNIT,
					v.code() + " " + v.value().toPlainString() + " '" + v.unit() + "' could not be converted to "
							+ s.vital().component(v.code()).orElseThrow().unit()))
			.toList();
		return this.pipeline.triage(target, upstream, () -> SubmissionTriage.Input.measured(target.activity(),
				target.personalBounds(), byCode(converted), s.measuredAt(), history.get(), target.rules()), signals);
	}

	private static Map<String, BigDecimal> byCode(List<EnteredValue> values) {
		return values.stream().collect(Collectors.toMap(EnteredValue::code, EnteredValue::value));
	}

	private Accepted<Measurement> accepted(CurrentUser actor, SubmissionTarget target, MeasurementSubmission s,
			List<EnteredValue> values, Instant receivedAt, Assessment triage) {
		UUID id = UUID.randomUUID();
		Measurement m = new Measurement(id, target.patient().id(), s.vital(), values, s.values(), s.measuredAt(),
				receivedAt, target.plan().id(), target.activity().id(),
				"DEVICE".equals(s.source()) ? "DEVICE" : "MANUAL", triage, triage.adviceFrom(target.definition()));
		String shown = m.values().stream().map((v) -> v.value().toPlainString()).collect(Collectors.joining(" / "))
				+ " " + m.values().get(0).unit();
		return new Accepted<>(SubmissionKind.MEASUREMENT, m, id, s.measuredAt(), triage,
				List.of(this.repository.insertWrite(m, id, actor.subject())),
				this.observations.toOutbox(m, target.patient()), m.vital().display() + ": " + shown,
				WorklistDetail.of(m), s.vital() + " " + triage.level());
	}

	/**
	 * Earlier values of this vital within the longest trend window of the activity (none
	 * without trends).
	 */
	private Mono<Map<String, List<TrendTriage.Point>>> history(SubmissionTarget target, MeasurementSubmission s) {
		int days = target.activity().trends().stream().mapToInt(TrendRule::windowDays).max().orElse(0);
		if (days == 0) {
			return Mono.just(Map.of());
		}
		return this.repository
			.forPatient(target.patient().id(), s.vital(), s.measuredAt().minus(Duration.ofDays(days)), s.measuredAt(),
					MAX_HISTORY)
			.flatMapIterable((m) -> m.values()
				.stream()
				.filter((v) -> !MeasurementValues.unconverted(m.vital(), List.of(v)).contains(v))
				.map((v) -> Map.entry(v.code(), new TrendTriage.Point(m.measuredAt(), v.value())))
				.toList())
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map((grouped) -> {
				Map<String, List<TrendTriage.Point>> result = new HashMap<>();
				grouped.forEach((code, points) -> result.put(code, List.copyOf(points)));
				return result;
			});
	}

}
