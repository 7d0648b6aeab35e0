package no.heima.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.careplan.Task;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Plans the reminders of every open care plan for today and tomorrow (the patient's days)
 * from the patient's choices, and cancels what is pending for a task that has been done.
 * Every replica may run it: the reminder's unique key lets one insert win.
 */
@Component
class ReminderPlanner {

	/** Plans per batch of a round. */
	static final int BATCH = 500;

	private final CarePlanService carePlans;

	private final PreferenceRepository preferences;

	private final ReminderRepository reminders;

	private final ReminderMetrics metrics;

	private final ReminderProperties properties;

	private final Clock clock;

	private final java.util.Set<ReminderPreferences.Channel> offered;

	ReminderPlanner(CarePlanService carePlans, PreferenceRepository preferences, ReminderRepository reminders,
			ReminderMetrics metrics, ReminderProperties properties, Clock clock, ReminderChannels channels) {
		this.offered = channels.offered();
		this.carePlans = carePlans;
		this.preferences = preferences;
		this.reminders = reminders;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One round over every open plan, {@value #BATCH} plans at a time; emits how many
	 * reminders it newly planned.
	 */
	Mono<Long> planAll() {
		Instant now = this.clock.instant();
		return this.carePlans.openPlans().buffer(BATCH).concatMap((batch) -> plan(batch, now)).reduce(0L, Long::sum);
	}

	/** The reminders of one plan (what a round does for each). */
	Mono<Long> plan(CarePlan plan, Instant now) {
		return plan(List.of(plan), now);
	}

	/**
	 * A batch of plans: one read each of the patients' choices, the plans' tasks today
	 * and tomorrow and the reminders they have; then only what changes is written (a new
	 * reminder, a pending one cancelled for a task done). One plan at a time, a round
	 * sent several statements per plan, once a minute, for every open plan.
	 */
	Mono<Long> plan(List<CarePlan> batch, Instant now) {
		Function<CarePlan, List<LocalDate>> days = (plan) -> {
			LocalDate today = LocalDate.ofInstant(now, ZoneId.of(plan.timeZone()));
			return List.of(today, today.plusDays(1));
		};
		LocalDate from = batch.stream().map(days).flatMap(List::stream).min(LocalDate::compareTo).orElseThrow();
		LocalDate to = batch.stream().map(days).flatMap(List::stream).max(LocalDate::compareTo).orElseThrow();
		Mono<Map<UUID, ReminderPreferences>> choices = this.preferences
			.findAll(batch.stream().map(CarePlan::patientId).distinct().toList());
		Mono<List<ReminderRepository.Planned>> planned = this.reminders
			.ofPlans(batch.stream().map(CarePlan::id).toList(), from, to)
			.collectList();
		return Mono.zip(choices, planned).flatMap((known) -> {
			// a reminder's key (plan, activity, day, kind, channel); a task's (plan,
			// activity, day)
			Set<List<Object>> keys = new HashSet<>();
			Set<List<Object>> pendingTasks = new HashSet<>();
			for (ReminderRepository.Planned p : known.getT2()) {
				keys.add(List.of(p.carePlanId(), p.activityId(), p.day(), p.kind(), p.channel()));
				if (p.pending()) {
					pendingTasks.add(List.of(p.carePlanId(), p.activityId(), p.day()));
				}
			}
			return this.carePlans.tasksOn(batch, days).concatMap((planTasks) -> {
				CarePlan plan = planTasks.getKey();
				ReminderPreferences choice = known.getT1()
					.getOrDefault(plan.patientId(), ReminderPreferences.defaults());
				return Flux.fromIterable(planTasks.getValue())
					.concatMap((task) -> (task.state() == Task.State.DONE) ? cancelDone(plan, task, pendingTasks)
							: planTask(plan, task, choice, now, keys));
			}).reduce(0L, Long::sum);
		});
	}

	private Mono<Long> planTask(CarePlan plan, Task task, ReminderPreferences choice, Instant now,
			Set<List<Object>> planned) {
		Instant earliest = now.minus(this.properties.lateTolerance());
		return Flux.fromIterable(ReminderSchedule.of(plan, task, choice))
			.filter((due) -> !due.at().isBefore(earliest) && due.at().isBefore(task.windowEnd()))
			// a channel this server does not offer would only fail
			.concatMap((due) -> Flux.fromIterable(choice.channels())
				.filter(this.offered::contains)
				// planned before (in any state): the insert would do nothing
				.filter((channel) -> !planned
					.contains(List.of(plan.id(), task.activityId(), task.date(), due.kind().name(), channel.name())))
				.concatMap((channel) -> this.reminders.plan(plan.patientId(), plan.id(), task.activityId(), task.date(),
						due.kind(), channel, due.at(), task.windowEnd())))
			.filter(Boolean::booleanValue)
			.count();
	}

	/**
	 * Cancels what is pending for a done task; nothing is sent when the batch's read saw
	 * nothing pending for it (one planned since is cancelled by the next round, and the
	 * sender checks the task before sending).
	 */
	private Mono<Long> cancelDone(CarePlan plan, Task task, Set<List<Object>> pendingTasks) {
		if (!pendingTasks.contains(List.of(plan.id(), task.activityId(), task.date()))) {
			return Mono.just(0L);
		}
		return this.reminders.cancelForTask(plan.id(), task.activityId(), task.date(), "task done")
			.doOnNext((channel) -> this.metrics.cancelled(channel, 1))
			.then(Mono.just(0L));
	}

}
