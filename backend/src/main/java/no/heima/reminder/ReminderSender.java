package no.heima.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.careplan.Task;
import no.heima.patient.PatientService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends due reminders. Each round claims a batch (SKIP LOCKED and a lease, so two
 * replicas never take the same row), checks each again just before sending (the task not
 * done, the plan neither paused nor ended on that day, the window still open, the channel
 * still chosen) and records the outcome: sent, tried again later with backoff, or given
 * up.
 */
@Component
class ReminderSender {

	private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);

	private final ReminderRepository reminders;

	private final PreferenceRepository preferences;

	private final CarePlanService carePlans;

	private final PatientService patients;

	private final ReminderChannels channels;

	private final ReminderMetrics metrics;

	private final ReminderProperties properties;

	private final Clock clock;

	ReminderSender(ReminderRepository reminders, PreferenceRepository preferences, CarePlanService carePlans,
			PatientService patients, ReminderChannels channels, ReminderMetrics metrics, ReminderProperties properties,
			Clock clock) {
		this.reminders = reminders;
		this.preferences = preferences;
		this.carePlans = carePlans;
		this.patients = patients;
		this.channels = channels;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/** One round: claim, check, send, record. Emits how many were sent. */
	Mono<Long> sendDue() {
		Instant now = this.clock.instant();
		return this.reminders.claim(now, this.properties.batchSize(), this.properties.lease())
			.collectList()
			.flatMapIterable((rows) -> rows)
			.concatMap((row) -> handle(row, now))
			.filter(Boolean::booleanValue)
			.count();
	}

	/** Emits true when the reminder went out. */
	private Mono<Boolean> handle(ReminderRepository.Row row, Instant now) {
		Mono<Boolean> work = now.isBefore(row.windowEnd()) ? send(row) : cancel(row, "window closed");
		return work.onErrorResume((ex) -> {
			// a fault of ours (database, a bug): the lease runs out and it is tried again
			log.warn("Reminder {} not handled: {}", row.id(), ex.toString());
			return Mono.just(false);
		});
	}

	private Mono<Boolean> send(ReminderRepository.Row row) {
		return stillWanted(row).flatMap((reason) -> cancel(row, reason)).switchIfEmpty(Mono.defer(() -> deliver(row)));
	}

	/**
	 * Emits why the reminder must not go out, or nothing when it should: checked against
	 * the plan, the task and the patient's choices as they are now.
	 */
	private Mono<String> stillWanted(ReminderRepository.Row row) {
		return this.carePlans.plansOfPatient(row.patientId())
			.filter((p) -> p.id().equals(row.carePlanId()))
			.next()
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap((found) -> {
				if (found.isEmpty()) {
					return Mono.just("no such plan");
				}
				CarePlan plan = found.get();
				if (plan.status() == CarePlan.Status.ENDED) {
					return Mono.just("plan ended");
				}
				if (!plan.activeOn(row.taskDate())) {
					return Mono.just("plan paused or ended that day");
				}
				return this.carePlans.tasksOn(plan, row.taskDate()).flatMap((tasks) -> {
					Task task = tasks.stream()
						.filter((t) -> t.activityId().equals(row.activityId()))
						.findFirst()
						.orElse(null);
					if (task == null) {
						return Mono.just("no such task");
					}
					if (task.state() == Task.State.DONE) {
						return Mono.just("task done");
					}
					return this.preferences.find(row.patientId())
						.flatMap((choice) -> choice.channels().contains(row.channel()) ? Mono.<String>empty()
								: Mono.just("channel no longer chosen"));
				});
			});
	}

	private Mono<Boolean> deliver(ReminderRepository.Row row) {
		ReminderChannel channel = this.channels.get(row.channel());
		return this.patients.findForBackgroundWork(row.patientId())
			.map((p) -> new Recipient(p.id(), p.email(), p.phone(), p.preferredLanguage()))
			.flatMap((recipient) -> (channel != null)
					? channel.send(recipient, ReminderText.of(recipient.language(), row.kind()))
					: Mono.just(Delivery.failed("no channel " + row.channel())))
			.defaultIfEmpty(Delivery.failed("no such patient"))
			.flatMap((delivery) -> record(row, delivery));
	}

	private Mono<Boolean> record(ReminderRepository.Row row, Delivery delivery) {
		Instant now = this.clock.instant();
		return switch (delivery.outcome()) {
			case SENT -> this.reminders.sent(row.id(), now)
				.doOnSuccess((v) -> this.metrics.sent(row.channel(), 1))
				.thenReturn(true);
			case FAILED -> giveUp(row, delivery.detail());
			case RETRY -> {
				Instant next = now.plus(backoff(row.attempts()));
				if (row.attempts() >= this.properties.maxAttempts() || !next.isBefore(row.windowEnd())) {
					yield giveUp(row, "gave up after " + row.attempts() + " attempt(s): " + delivery.detail());
				}
				yield this.reminders.retry(row.id(), next, delivery.detail()).thenReturn(false);
			}
		};
	}

	private Mono<Boolean> giveUp(ReminderRepository.Row row, String why) {
		log.info("Reminder {} ({}) failed: {}", row.id(), row.channel(), why);
		return this.reminders.close(row.id(), "FAILED", why)
			.doOnSuccess((v) -> this.metrics.failed(row.channel(), 1))
			.thenReturn(false);
	}

	private Mono<Boolean> cancel(ReminderRepository.Row row, String why) {
		return this.reminders.close(row.id(), "CANCELLED", why)
			.doOnSuccess((v) -> this.metrics.cancelled(row.channel(), 1))
			.thenReturn(false);
	}

	/**
	 * Exponential in the attempts so far, capped, with ±50 % jitter so replicas do not
	 * retry in step.
	 */
	Duration backoff(int attempts) {
		long base = this.properties.backoffBase().toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
		long capped = Math.min(base, this.properties.backoffMax().toMillis());
		return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.5, 1.5)));
	}

}
