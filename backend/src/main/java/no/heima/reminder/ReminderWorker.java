package no.heima.reminder;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs the planner and the sender on their intervals, on every replica. */
@Component
class ReminderWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReminderWorker.class);

	private final ReminderProperties properties;

	private final ReminderPlanner planner;

	private final ReminderSender sender;

	private volatile Disposable planning;

	private volatile Disposable sending;

	ReminderWorker(ReminderProperties properties, ReminderPlanner planner, ReminderSender sender) {
		this.properties = properties;
		this.planner = planner;
		this.sender = sender;
	}

	@Override
	public void start() {
		if (!this.properties.enabled()) {
			log.info("Reminders are off (heima.reminder.enabled=false)");
			return;
		}
		this.planning = Flux.interval(Duration.ofSeconds(20), this.properties.planInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> this.planner.planAll().onErrorResume((ex) -> {
				log.warn("Planning reminders failed: {}", ex.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
		this.sending = Flux.interval(Duration.ofSeconds(25), this.properties.sendInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> this.sender.sendDue()
				.expand((sent) -> (sent >= this.properties.batchSize()) ? this.sender.sendDue() : Mono.empty())
				.then()
				.onErrorResume((ex) -> {
					log.warn("Sending reminders failed: {}", ex.toString());
					return Mono.empty();
				}), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		for (Disposable loop : new Disposable[] { this.planning, this.sending }) {
			if (loop != null) {
				loop.dispose();
			}
		}
		this.planning = null;
		this.sending = null;
	}

	@Override
	public boolean isRunning() {
		return this.planning != null;
	}

}
