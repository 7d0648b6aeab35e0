package no.heima.reminder;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Text messages through the configured {@link SmsProvider}. */
@Component
class SmsChannel implements ReminderChannel {

	private final SmsProvider provider;

	SmsChannel(SmsProvider provider) {
		this.provider = provider;
	}

	@Override
	public ReminderPreferences.Channel channel() {
		return ReminderPreferences.Channel.SMS;
	}

	@Override
	public boolean configured() {
		return this.provider.configured();
	}

	@Override
	public Mono<Delivery> send(Recipient recipient, ReminderText text) {
		if (recipient.phone() == null || recipient.phone().isBlank()) {
			return Mono.just(Delivery.failed("no phone number on record"));
		}
		return this.provider.send(recipient.phone(), text.body());
	}

}
