package no.heima.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

	/** One round over every open plan; emits how many reminders it newly planned. */
	Mono<Long> planAll() {
		Instant now = this.clock.instant();
		return this.carePlans.openPlans().concatMap((plan) -> plan(plan, now)).reduce(0L, Long::sum);
	}

	/** The reminders of one plan (what a round does for each). */
	Mono<Long> plan(CarePlan plan, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneId.of(plan.timeZone()));
		return this.preferences.find(plan.patientId())
			.flatMap((choice) -> Flux.just(today, today.plusDays(1))
				.concatMap((day) -> this.carePlans.tasksOn(plan, day))
				.flatMapIterable((tasks) -> tasks)
				.concatMap((task) -> (task.state() == Task.State.DONE) ? cancelDone(plan, task)
						: planTask(plan, task, choice, now))
				.reduce(0L, Long::sum));
	}

	private Mono<Long> planTask(CarePlan plan, Task task, ReminderPreferences choice, Instant now) {
		Instant earliest = now.minus(this.properties.lateTolerance());
		return Flux.fromIterable(ReminderSchedule.of(plan, task, choice))
			.filter((due) -> !due.at().isBefore(earliest) && due.at().isBefore(task.windowEnd()))
			// a channel this server does not offer would only fail
			.concatMap((due) -> Flux.fromIterable(choice.channels())
				.filter(this.offered::contains)
				.concatMap((channel) -> this.reminders.plan(plan.patientId(), plan.id(), task.activityId(), task.date(),
						due.kind(), channel, due.at(), task.windowEnd())))
			.filter(Boolean::booleanValue)
			.count();
	}

	private Mono<Long> cancelDone(CarePlan plan, Task task) {
		return this.reminders.cancelForTask(plan.id(), task.activityId(), task.date(), "task done")
			.doOnNext((channel) -> this.metrics.cancelled(channel, 1))
			.then(Mono.just(0L));
	}

}
