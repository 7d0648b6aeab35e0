package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.heima.identity.Allowed;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A request that runs past {@code heima.http.request-timeout} is cancelled, answered with
 * a {@code request-timeout} problem and counted; its database connection goes back to the
 * pool, so a burst of stuck requests larger than the pool leaves Heima answering. The
 * slow request is a test-only route holding a transaction in {@code pg_sleep}.
 */
@TestPropertySource(properties = "heima.http.request-timeout=2s")
@Import(RequestTimeoutIT.Slow.class)
class RequestTimeoutIT extends IntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Autowired
	ConnectionFactory connections;

	@Autowired
	DatabaseClient db;

	@Test
	void aSlowRequestIsCancelledWithAProblemAndCounted() {
		double before = timeouts();
		long started = System.nanoTime();
		slow().get()
			.uri("/api/test-only/slow?seconds=20")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:heima:problem:request-timeout")
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.instance")
			.isEqualTo("/api/test-only/slow");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
		assertThat(timeouts()).isEqualTo(before + 1);
	}

	@Test
	void moreStuckRequestsThanThePoolHasConnectionsLeaveHeimaAnswering() {
		ConnectionPool pool = (ConnectionPool) this.connections;
		int burst = pool.getMetrics().orElseThrow().getMaxAllocatedSize() + 4;
		List<Integer> statuses = Flux.range(0, burst)
			.flatMap((i) -> Mono
				.fromCallable(() -> slow().get()
					.uri("/api/test-only/slow?seconds=20")
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value())
				.subscribeOn(Schedulers.boundedElastic()), burst)
			.collectList()
			.block(Duration.ofSeconds(90));
		assertThat(statuses).hasSize(burst).containsOnly(503);

		// every connection is back (the sleeping statements were cancelled with them) ...
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (pool.getMetrics().orElseThrow().acquiredSize() > 0 && System.nanoTime() < deadline) {
			sleep(100);
		}
		assertThat(pool.getMetrics().orElseThrow().acquiredSize()).isZero();
		// ... and not busy behind a sleep still running on the server: an ordinary
		// request
		// answers long before the 20 s sleeps would have ended (tried until 8 s have
		// passed, as a cold path on a busy build machine may miss the limit once)
		long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
		int status;
		do {
			status = as("sykepleier1").get()
				.uri("/api/worklist?size=5")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
		}
		while (status != 200 && System.nanoTime() < until);
		assertThat(status).isEqualTo(200);
	}

	@Test
	void postgresEndsAStatementThatOutlivesTheRequestLimit() {
		String limit = this.db.sql("show statement_timeout")
			.map((row) -> row.get(0, String.class))
			.one()
			.block(Duration.ofSeconds(10));
		assertThat(limit).isEqualTo("2s");
	}

	@Test
	void theWorklistsEventStreamIsNotCutOff() {
		long started = System.nanoTime();
		as("sykepleier1").mutate()
			.responseTimeout(Duration.ofSeconds(10))
			.build()
			.get()
			.uri("/api/worklist/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody()
			.take(Duration.ofMillis(4500))
			.blockLast(Duration.ofSeconds(10));
		// open (neither ended nor failed) until the client let go, well after the 2 s
		// limit
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(4400));
	}

	private WebTestClient slow() {
		return as("sykepleier1").mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	private double timeouts() {
		var counter = this.meters.find("heima.http.timeouts").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Test only: a request that holds a transaction (and its connection) asleep. */
	@RestController
	@Allowed(everyLogin = true)
	static class Slow {

		private final DatabaseClient db;

		private final TransactionalOperator tx;

		Slow(DatabaseClient db, TransactionalOperator tx) {
			this.db = db;
			this.tx = tx;
		}

		@GetMapping("/api/test-only/slow")
		Mono<Map<String, Object>> slow(@RequestParam int seconds) {
			return this.tx.transactional(this.db.sql("select pg_sleep(:seconds)")
				.bind("seconds", seconds)
				.fetch()
				.rowsUpdated()
				.thenReturn(Map.of("slept", seconds)));
		}

	}

}
