package no.heima.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP SMS provider against a stub gateway on a local port (the one stand-in the
 * reminders use: no real SMS is sent in a test): what it posts, with which credentials,
 * and which answers are final and which are worth a retry.
 */
class HttpSmsProviderTest {

	HttpServer gateway;

	final List<String> bodies = new ArrayList<>();

	final List<String> authorizations = new ArrayList<>();

	final AtomicInteger status = new AtomicInteger(200);

	@BeforeEach
	void start() throws Exception {
		this.gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.gateway.createContext("/sms", (exchange) -> {
			this.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
			exchange.sendResponseHeaders(this.status.get(), -1);
			exchange.close();
		});
		this.gateway.start();
	}

	@AfterEach
	void stop() {
		this.gateway.stop(0);
	}

	HttpSmsProvider provider(String url) {
		ReminderProperties defaults = new ReminderProperties(true, Duration.ofMinutes(1), Duration.ofSeconds(15), 50,
				Duration.ofMinutes(2), 6, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(30),
				new ReminderProperties.Email("heima@localhost"),
				new ReminderProperties.Sms(url, "heima", "s3cret", "Heima", Duration.ofSeconds(5)),
				new ReminderProperties.Push("mailto:heima@localhost", null, null, Duration.ofSeconds(5)));
		return new HttpSmsProvider(defaults);
	}

	@Test
	void postsTheNumberAndFixedTextWithBasicCredentials() {
		String url = "http://127.0.0.1:" + this.gateway.getAddress().getPort() + "/sms";
		Delivery delivery = provider(url).send("+4799999999", ReminderText.of("nb", ReminderSchedule.Kind.OPENS).body())
			.block();
		assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.SENT);
		assertThat(this.bodies).singleElement()
			.satisfies((body) -> assertThat(body).contains("\"to\":\"+4799999999\"")
				.contains("\"from\":\"Heima\"")
				.contains("\"text\":\"Du har en oppgave i Heima.\""));
		assertThat(this.authorizations).containsExactly(
				"Basic " + Base64.getEncoder().encodeToString("heima:s3cret".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void busyOrFailingGatewayIsRetriedARefusalIsFinal() {
		String url = "http://127.0.0.1:" + this.gateway.getAddress().getPort() + "/sms";
		this.status.set(503);
		assertThat(provider(url).send("+4799999999", "x").block().outcome()).isEqualTo(Delivery.Outcome.RETRY);
		this.status.set(429);
		assertThat(provider(url).send("+4799999999", "x").block().outcome()).isEqualTo(Delivery.Outcome.RETRY);
		this.status.set(400);
		assertThat(provider(url).send("+4799999999", "x").block().outcome()).isEqualTo(Delivery.Outcome.FAILED);
	}

	@Test
	void noGatewayAnsweringIsRetriedNoUrlIsOff() {
		int closed = this.gateway.getAddress().getPort();
		this.gateway.stop(0);
		assertThat(provider("http://127.0.0.1:" + closed + "/sms").send("+4799999999", "x").block().outcome())
			.isEqualTo(Delivery.Outcome.RETRY);
		HttpSmsProvider off = provider(null);
		assertThat(off.configured()).isFalse();
		assertThat(off.send("+4799999999", "x").block().outcome()).isEqualTo(Delivery.Outcome.FAILED);
	}

}
