package no.heima.reminder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code heima_reminders_sent_total}, {@code _failed_total} and {@code _cancelled_total},
 * by channel.
 */
@Component
class ReminderMetrics {

	private final MeterRegistry meters;

	ReminderMetrics(MeterRegistry meters) {
		this.meters = meters;
		for (ReminderPreferences.Channel channel : ReminderPreferences.Channel.values()) {
			sent(channel, 0);
			failed(channel, 0);
			cancelled(channel, 0);
		}
	}

	void sent(ReminderPreferences.Channel channel, long n) {
		counter("heima.reminders.sent", "Reminders sent", channel).increment(n);
	}

	void failed(ReminderPreferences.Channel channel, long n) {
		counter("heima.reminders.failed", "Reminders given up on (no address, refused, or out of attempts)", channel)
			.increment(n);
	}

	void cancelled(ReminderPreferences.Channel channel, long n) {
		counter("heima.reminders.cancelled",
				"Reminders not sent: the task was done, the plan paused or ended, the window closed", channel)
			.increment(n);
	}

	private Counter counter(String name, String description, ReminderPreferences.Channel channel) {
		return Counter.builder(name)
			.description(description)
			.tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT))
			.register(this.meters);
	}

}
