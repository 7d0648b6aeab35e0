package no.heima.reminder;

import java.time.Duration;
import no.heima.platform.PeriodicWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * The planner and the sender as periodic work, on every replica (the platform's runner
 * runs them); both off when {@code heima.reminder.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
class ReminderWorker {

	@Bean
	PeriodicWork reminderPlanning(ReminderProperties properties, ReminderPlanner planner) {
		return PeriodicWork.of("planning reminders", properties.enabled(), Duration.ofSeconds(20),
				properties.planInterval(), planner::planAll);
	}

	/** Sends due reminders in batches until a batch comes back short. */
	@Bean
	PeriodicWork reminderSending(ReminderProperties properties, ReminderSender sender) {
		return PeriodicWork.of("sending reminders", properties.enabled(), Duration.ofSeconds(25),
				properties.sendInterval(),
				() -> sender.sendDue()
					.expand((sent) -> (sent >= properties.batchSize()) ? sender.sendDue() : Mono.empty())
					.then());
	}

}
