package no.heima.worklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
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

	/**
	 * Plans per batch of the scan: one read of completions and one of raised items each.
	 */
	static final int BATCH = 500;

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
		return scan(this.carePlans.openPlans());
	}

	/**
	 * The same over these plans (a benchmark's share of a population), {@value #BATCH} at
	 * a time: per batch one read of the completions of yesterday and today and one read
	 * of the items already raised, then the new items only. (One plan at a time, the scan
	 * sent about ten statements per plan and took 38 minutes for 100,000 plans.)
	 */
	Mono<Long> scan(Flux<CarePlan> plans) {
		return scan(plans, BATCH);
	}

	/** As {@link #scan(Flux)}, {@code batch} plans at a time. */
	Mono<Long> scan(Flux<CarePlan> plans, int batch) {
		Instant now = this.clock.instant();
		return plans.buffer(batch).concatMap((plansOfBatch) -> scanBatch(plansOfBatch, now)).reduce(0L, Long::sum);
	}

	/** A task or evaluation that wants an item, with the item's source key. */
	private record Candidate(CarePlan plan, ItemRaised.Kind kind, String key,
			BiFunction<Patient, ResponseTimes, ItemRaised> item) {
	}

	/** Emits how many missing tasks and due evaluations the batch has (raised or not). */
	private Mono<Long> scanBatch(List<CarePlan> batch, Instant now) {
		return this.carePlans.tasksOn(batch, (plan) -> {
			LocalDate today = today(plan, now);
			return List.of(today.minusDays(1), today);
		}).collectList().flatMap((planTasks) -> {
			List<Candidate> candidates = new ArrayList<>();
			for (Map.Entry<CarePlan, List<Task>> entry : planTasks) {
				CarePlan plan = entry.getKey();
				for (Task task : entry.getValue()) {
					if (missing(plan, task, now, this.settings.grace())) {
						candidates.add(new Candidate(plan, ItemRaised.Kind.MISSING, missedKey(plan, task),
								(patient, t) -> missedItem(patient, plan, task, t)));
					}
				}
			}
			for (CarePlan plan : batch) {
				if (plan.evaluationDue(today(plan, now))) {
					candidates.add(new Candidate(plan, ItemRaised.Kind.EVALUATION, evaluationKey(plan),
							(patient, t) -> evaluationItem(patient, plan, t)));
				}
			}
			if (candidates.isEmpty()) {
				return Mono.just(0L);
			}
			return raisedAlready(candidates).flatMap((raised) -> Flux.fromIterable(candidates)
				.filter((c) -> !raised.contains(c.kind() + "|" + c.key()))
				.concatMap((c) -> raise(c.plan(), times(c.plan()), c.item()))
				.then(Mono.just((long) candidates.size())));
		});
	}

	/**
	 * The candidates whose item exists already, in any state, as {@code kind|key}:
	 * raising it again would insert nothing (the unique source key), so it is not tried.
	 */
	private Mono<Set<String>> raisedAlready(List<Candidate> candidates) {
		return Flux.fromStream(candidates.stream().map(Candidate::kind).distinct())
			.concatMap((kind) -> this.worklist
				.raised(kind, candidates.stream().filter((c) -> c.kind() == kind).map(Candidate::key).toList())
				.map((keys) -> keys.stream().map((key) -> kind + "|" + key).toList()))
			.flatMapIterable((keys) -> keys)
			.collect(Collectors.toSet());
	}

	private static LocalDate today(CarePlan plan, Instant now) {
		return LocalDate.ofInstant(now, ZoneId.of(plan.timeZone()));
	}

	/**
	 * The plan's pathway version's response times (cached: published versions never
	 * change).
	 */
	private Mono<ResponseTimes> times(CarePlan plan) {
		return this.pathways.published(plan.pathwayId(), plan.pathwayVersion())
			.mapNotNull((PublishedPathway pathway) -> pathway.definition().responseTimes());
	}

	/** One missed item per plan, activity and day. */
	static String missedKey(CarePlan plan, Task task) {
		return plan.id() + "/" + task.activityId() + "/" + task.date();
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
		return new ItemRaised(patient, plan.id(), plan.team(), ItemRaised.Kind.MISSING, missedKey(plan, task),
				task.activityId(), "MISSING", task.title() + " (" + task.date() + ")", missedDetail(task), times);
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
