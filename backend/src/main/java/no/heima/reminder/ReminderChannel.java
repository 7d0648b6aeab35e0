package no.heima.reminder;

import reactor.core.publisher.Mono;

/** One way of reaching a patient. Implementations never throw: they answer a Delivery. */
interface ReminderChannel {

	ReminderPreferences.Channel channel();

	/** Whether the channel is set up on this server at all. */
	boolean configured();

	Mono<Delivery> send(Recipient recipient, ReminderText text);

}
