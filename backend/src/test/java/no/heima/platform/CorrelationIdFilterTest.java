package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every request gets a correlation id, echoed in the response and present in the logging
 * MDC on whichever thread serves it (with automatic context propagation, as the prod
 * profile turns on).
 */
class CorrelationIdFilterTest {

	private final CorrelationIdFilter filter = new CorrelationIdFilter();

	@BeforeEach
	void propagate() {
		Hooks.enableAutomaticContextPropagation();
	}

	@AfterEach
	void stopPropagating() {
		Hooks.disableAutomaticContextPropagation();
		MDC.clear();
	}

	@Test
	void aNewIdIsInTheResponseAndInTheMdcOfAnotherThread() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/me"));
		AtomicReference<String> logged = new AtomicReference<>();
		AtomicReference<String> thread = new AtomicReference<>();
		WebFilterChain chain = (e) -> Mono.delay(Duration.ofMillis(5), Schedulers.parallel()).doOnNext((tick) -> {
			logged.set(MDC.get(CorrelationIdFilter.KEY));
			thread.set(Thread.currentThread().getName());
		}).then();
		this.filter.filter(exchange, chain).block(Duration.ofSeconds(5));
		String id = exchange.getResponse().getHeaders().getFirst(CorrelationIdFilter.HEADER);
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(thread.get()).startsWith("parallel");
		assertThat(logged.get()).isEqualTo(id);
		assertThat(MDC.get(CorrelationIdFilter.KEY)).as("nothing left on the calling thread").isNull();
	}

	@Test
	void aSaneIdFromTheProxyIsKeptAndAnythingElseReplaced() {
		MockServerWebExchange kept = MockServerWebExchange
			.from(MockServerHttpRequest.get("/").header(CorrelationIdFilter.HEADER, "ingress-4f2a9c1e"));
		this.filter.filter(kept, (e) -> Mono.empty()).block();
		assertThat(kept.getResponse().getHeaders().getFirst(CorrelationIdFilter.HEADER)).isEqualTo("ingress-4f2a9c1e");

		MockServerWebExchange injected = MockServerWebExchange
			.from(MockServerHttpRequest.get("/").header(CorrelationIdFilter.HEADER, "x\n{\"level\":\"FAKE\"}"));
		this.filter.filter(injected, (e) -> Mono.empty()).block();
		assertThat(injected.getResponse().getHeaders().getFirst(CorrelationIdFilter.HEADER)).matches("[0-9a-f-]{36}");
	}

}
