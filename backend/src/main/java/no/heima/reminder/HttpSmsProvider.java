package no.heima.reminder;

import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * An SMS gateway reached over HTTP: {@code POST {url}} with {@code {"to","from","text"}}
 * as JSON and HTTP Basic credentials, all from {@code heima.reminder.sms.*}. 2xx is sent;
 * 408, 429 and 5xx or no answer are tried again; any other answer is final.
 */
@Component
class HttpSmsProvider implements SmsProvider {

	private final ReminderProperties.Sms settings;

	private final WebClient http;

	HttpSmsProvider(ReminderProperties properties) {
		this.settings = properties.sms();
		WebClient.Builder b = WebClient.builder();
		if (this.settings.username() != null && !this.settings.username().isBlank()) {
			b = b.defaultHeaders((h) -> h.setBasicAuth(this.settings.username(),
					(this.settings.password() != null) ? this.settings.password() : ""));
		}
		this.http = b.build();
	}

	@Override
	public boolean configured() {
		return this.settings.configured();
	}

	@Override
	public Mono<Delivery> send(String phone, String text) {
		if (!configured()) {
			return Mono.just(Delivery.failed("SMS is not configured (heima.reminder.sms.url)"));
		}
		return this.http.post()
			.uri(this.settings.url())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("to", phone, "from", this.settings.sender(), "text", text))
			.exchangeToMono((response) -> response.releaseBody().thenReturn(outcome(response.statusCode())))
			.timeout(this.settings.timeout())
			.onErrorResume(WebClientRequestException.class,
					(ex) -> Mono.just(Delivery.retry("SMS provider unreachable")))
			.onErrorResume(java.util.concurrent.TimeoutException.class,
					(ex) -> Mono.just(Delivery.retry("SMS provider timed out")));
	}

	static Delivery outcome(HttpStatusCode status) {
		if (status.is2xxSuccessful()) {
			return Delivery.sent();
		}
		if (status.is5xxServerError() || status.value() == 429 || status.value() == 408) {
			return Delivery.retry("SMS provider answered " + status.value());
		}
		return Delivery.failed("SMS provider refused: " + status.value());
	}

}
