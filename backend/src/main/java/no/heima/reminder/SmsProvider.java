package no.heima.reminder;

import reactor.core.publisher.Mono;

/**
 * Sends a text message. One implementation speaks HTTP to a provider
 * ({@link HttpSmsProvider}); another provider is another implementation of this.
 */
interface SmsProvider {

	boolean configured();

	Mono<Delivery> send(String phone, String text);

}
