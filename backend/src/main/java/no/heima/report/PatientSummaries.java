package no.heima.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditLog;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.identity.CurrentUser;
import no.heima.patient.Patient;
import no.heima.patient.PatientService;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes a patient's summary for the care team: the reader must be a clinician of a team
 * that follows the patient (else not found, as everywhere), only that team's plans are
 * shown, and the read and the summary made are audited. Without a start the period begins
 * where the team's last summary ended (else at the first enrolment). When configured, the
 * summary is also queued for the FHIR server in the same transaction.
 */
@Service
public class PatientSummaries {

	/** Longer periods make charts nobody can read and documents nobody opens. */
	static final Duration MAX_PERIOD = Duration.ofDays(366);

	private final PatientService patients;

	private final CarePlanService plans;

	private final SummaryData data;

	private final SummaryQueries queries;

	private final PdfRenderer renderer;

	private final AuditLog audit;

	private final TransactionalOperator tx;

	private final Clock clock;

	private final WriteBack writeBack;

	PatientSummaries(PatientService patients, CarePlanService plans, SummaryData data, SummaryQueries queries,
			PdfRenderer renderer, AuditLog audit, TransactionalOperator tx, Clock clock, WriteBack writeBack) {
		this.writeBack = writeBack;
		this.patients = patients;
		this.plans = plans;
		this.data = data;
		this.queries = queries;
		this.renderer = renderer;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	/** The summary as PDF bytes, and the period it covers. */
	public record Made(byte[] pdf, Instant from, Instant to, String fileName) {
	}

	public Mono<Made> pdf(CurrentUser actor, UUID patientId, Instant from, Instant to, String language) {
		Instant now = this.clock.instant();
		Instant end = (to != null) ? to : now;
		return this.patients.get(actor, patientId)
			.flatMap((patient) -> this.plans.plansOfPatient(patient.id())
				.filter((plan) -> actor.isMemberOf(plan.team()))
				.collectList()
				.flatMap((teamPlans) -> start(patient, teamPlans, actor, from, end)
					.flatMap((start) -> checked(start, end, now))
					.flatMap((start) -> this.data.gather(actor, patient, teamPlans, start, end, language, now))
					.flatMap((summary) -> Mono.fromCallable(() -> this.renderer.render(summary))
						.subscribeOn(Schedulers.boundedElastic())
						.flatMap((pdf) -> recorded(actor, patient, summary, pdf)))));
	}

	/**
	 * The summary noted as made, audited and (when configured) queued for the FHIR
	 * server, all in one transaction.
	 */
	private Mono<Made> recorded(CurrentUser actor, Patient patient, PatientSummary summary, byte[] pdf) {
		return this.tx
			.transactional(this.queries.recordMade(patient.id(), summary, actor)
				.then(made(actor, patient.id(), summary))
				.then(this.writeBack.queue(patient, summary, actor.teams(), pdf)))
			.thenReturn(new Made(pdf, summary.from(), summary.to(), fileName(summary)));
	}

	private Mono<Instant> start(Patient patient, List<CarePlan> teamPlans, CurrentUser actor, Instant from,
			Instant end) {
		if (from != null) {
			return Mono.just(from);
		}
		Instant firstEnrolment = teamPlans.stream()
			.min(Comparator.comparing(CarePlan::startDate))
			.map((plan) -> plan.startDate().atStartOfDay(ZoneId.of(plan.timeZone())).toInstant())
			.orElse(end.minus(Duration.ofDays(30)));
		return this.queries.lastEnd(patient.id(), actor.teams())
			.defaultIfEmpty(firstEnrolment)
			// a period longer than a document can hold starts as late as it may
			.map((start) -> start.isBefore(end.minus(MAX_PERIOD)) ? end.minus(MAX_PERIOD) : start);
	}

	private static Mono<Instant> checked(Instant from, Instant to, Instant now) {
		String problem = null;
		if (!from.isBefore(to)) {
			problem = "The period must start before it ends";
		}
		else if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
			problem = "The period can be at most 366 days";
		}
		else if (to.isAfter(now.plus(Duration.ofDays(1)))) {
			problem = "The period cannot end in the future";
		}
		if (problem == null) {
			return Mono.just(from);
		}
		return Mono.error(new HeimaProblemException(ProblemType.VALIDATION, problem,
				List.of(new FieldProblem("from", "period", problem))));
	}

	private Mono<Void> made(CurrentUser actor, UUID patientId, PatientSummary summary) {
		return this.audit.success(actor, patientId, AuditAction.READ, "summary-pdf",
				"period " + summary.from() + "/" + summary.to() + " (" + summary.language() + ")");
	}

	private static String fileName(PatientSummary summary) {
		String day = summary.to().atZone(ZoneId.of("Europe/Oslo")).toLocalDate().toString();
		return "heima-summary-" + day + ".pdf";
	}

}
