package no.heima.worklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.careplan.Task;
import no.heima.pathway.PathwayService;
import no.heima.pathway.PublishedPathway;
import no.heima.pathway.ResponseTimes;
import no.heima.patient.Patient;
import no.heima.patient.PatientService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import no.heima.platform.PeriodicWork;

/**
 * Raises a MISSING item for a task whose window ended more than {@code grace} ago without
 * being done, and an EVALUATION item for a plan whose evaluation day has come, each due
 * by the response times of the plan's pathway version (its yellow working days). Every
 * replica may run it: the item's unique source key (plan, activity, day; plan and
 * evaluation day) lets only one insert win.
 */
@Component
class MissedTasks implements PeriodicWork {

	@ConfigurationProperties("heima.worklist.missing")
	record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("PT2H") Duration grace,
			@DefaultValue("PT5M") Duration interval) {
	}

	private final Settings settings;

	private final CarePlanService carePlans;

	private final PatientService patients;

	private final Worklist worklist;

	private final PathwayService pathways;

	private final Clock clock;

	MissedTasks(Settings settings, CarePlanService carePlans, PatientService patients, Worklist worklist,
			PathwayService pathways, Clock clock) {
		this.settings = settings;
		this.pathways = pathways;
		this.carePlans = carePlans;
		this.patients = patients;
		this.worklist = worklist;
		this.clock = clock;
	}

	/**
	 * A task is missing once its window ended {@code grace} ago (at the boundary
	 * included) undone.
	 */
	static boolean missing(Task task, Instant now, Duration grace) {
		return task.state() != Task.State.DONE && !now.isBefore(task.windowEnd().plus(grace));
	}

	/**
	 * As {@link #missing(Task, Instant, Duration)}, and only for a window that closed
	 * while the patient was enrolled and the plan not paused: a window that closed before
	 * the plan was made (enrolled at 21:00, or with a start date in the past) was never
	 * the patient's to do.
	 */
	static boolean missing(CarePlan plan, Task task, Instant now, Duration grace) {
		return missing(task, now, grace) && task.windowEnd().isAfter(plan.createdAt()) && plan.activeOn(task.date());
	}

	/**
	 * One scan of yesterday's and today's tasks of every open plan; emits how many
	 * missing tasks it saw.
	 */
	Mono<Long> scan() {
		Instant now = this.clock.instant();
		return this.carePlans.openPlans().concatMap((plan) -> {
			LocalDate today = LocalDate.ofInstant(now, ZoneId.of(plan.timeZone()));
			// the plan's pathway version (cached: published versions never change)
			Mono<ResponseTimes> times = this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
				.mapNotNull((PublishedPathway pathway) -> pathway.definition().responseTimes())
				.cache();
			return Flux.just(today.minusDays(1), today)
				.concatMap((day) -> this.carePlans.tasksOn(plan, day))
				.flatMapIterable((tasks) -> tasks)
				.filter((task) -> missing(plan, task, now, this.settings.grace()))
				.concatMap((task) -> raise(plan, times, (patient, t) -> missedItem(patient, plan, task, t)))
				.concatWith(plan.evaluationDue(today)
						? raise(plan, times, (patient, t) -> evaluationItem(patient, plan, t)) : Mono.empty());
		}).count();
	}

	/**
	 * The evaluation item of the plan's evaluation day; yellow, so it is due as the
	 * pathway's yellow items are.
	 */
	static ItemRaised evaluationItem(Patient patient, CarePlan plan, ResponseTimes times) {
		return new ItemRaised(patient, plan.id(), plan.team(), ItemRaised.Kind.EVALUATION, evaluationKey(plan), null,
				"YELLOW", "Evaluering av oppfølgingen / Evaluation of the follow-up (" + plan.evaluationDate() + ")",
				"{\"evaluationDate\":\"" + plan.evaluationDate() + "\"}", times);
	}

	/** One evaluation item per plan and evaluation day. */
	static String evaluationKey(CarePlan plan) {
		return plan.id() + "/evaluation/" + plan.evaluationDate();
	}

	/**
	 * The missed task's item, due as the pathway says for missing items (its yellow
	 * working days; the worklist's default when the pathway gives none).
	 */
	static ItemRaised missedItem(Patient patient, CarePlan plan, Task task, ResponseTimes times) {
		return new ItemRaised(patient, plan.id(), plan.team(), ItemRaised.Kind.MISSING,
				plan.id() + "/" + task.activityId() + "/" + task.date(), task.activityId(), "MISSING",
				task.title() + " (" + task.date() + ")", missedDetail(task), times);
	}

	private Mono<Boolean> raise(CarePlan plan, Mono<ResponseTimes> times,
			BiFunction<Patient, ResponseTimes, ItemRaised> item) {
		return this.patients.findForBackgroundWork(plan.patientId())
			.flatMap((patient) -> times.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((t) -> this.worklist.raise(item.apply(patient, t.orElse(null)))))
			.thenReturn(true);
	}

	/**
	 * The missed window, with the day and the activity, so a screen can say when in its
	 * own language.
	 */
	private static String missedDetail(Task task) {
		return "{\"windowEnd\":\"" + task.windowEnd() + "\",\"date\":\"" + task.date() + "\",\"vital\":"
				+ ((task.vital() != null) ? "\"" + task.vital().name() + "\"" : "null") + "}";
	}

	@Override
	public String name() {
		return "scan for missed tasks and evaluations";
	}

	@Override
	public boolean enabled() {
		return this.settings.enabled();
	}

	@Override
	public Duration firstDelay() {
		return Duration.ofSeconds(30);
	}

	@Override
	public Duration interval() {
		return this.settings.interval();
	}

	@Override
	public Mono<Long> runOnce() {
		return scan();
	}

}
