package no.heima.fhirsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The worker's decisions without a database or FHIR server (issue 13): a configuration
 * error found at start-up is shown on health and no row is touched; backoff is capped; a
 * replica that is behind delivers several batches at once, never more than its budget.
 */
class OutboxWorkerTest {

	private final OutboxRepository repository = mock(OutboxRepository.class);

	private final FhirServer server = mock(FhirServer.class);

	private final FhirServerHealth health = new FhirServerHealth();

	@Test
	void aWrongBaseUrlFoundAtStartUpIsShownOnHealthAndNoRowIsClaimedOrParked() {
		when(this.server.check()).thenReturn(Map.entry(FhirServerHealth.State.MISCONFIGURED,
				"No FHIR CapabilityStatement at http://fhir.example/metadata (404): check heima.fhir.base-url"));
		OutboxWorker worker = worker(Map.of());

		worker.round().block(Duration.ofSeconds(10));

		var shown = this.health.health().block();
		assertThat(shown.getStatus()).isEqualTo(Status.DOWN);
		assertThat(shown.getDetails()).containsEntry("state", "MISCONFIGURED");
		assertThat((String) shown.getDetails().get("detail")).contains("heima.fhir.base-url");
		verify(this.repository, never()).claim(anyInt(), any());
		verify(this.repository, never()).record(any());
		// the next tick does not ask again at once (it is re-checked every 30 s)
		worker.round().block(Duration.ofSeconds(10));
		verify(this.server, org.mockito.Mockito.times(1)).check();
	}

	@Test
	void backoffGrowsWithTheAttemptsButNeverPastItsCap() {
		OutboxWorker worker = worker(Map.of("heima.fhir.sync.backoff-base", "2s", "heima.fhir.sync.backoff-max", "1m"));
		assertThat(worker.backoff(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
		assertThat(worker.backoff(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(12));
		for (int attempts : new int[] { 10, 30, 1000 }) {
			assertThat(worker.backoff(attempts)).as("attempt %d", attempts)
				.isBetween(Duration.ofSeconds(30), Duration.ofSeconds(90));
		}
	}

	@Test
	void aReplicaThatIsBehindDeliversUpToItsInFlightBudgetOfBatchesAtOnce() throws Exception {
		int inFlight = 3;
		AtomicInteger claims = new AtomicInteger();
		when(this.repository.claim(anyInt(), any())).thenAnswer((call) -> {
			int n = claims.incrementAndGet();
			return (n <= 12) ? Flux.fromIterable(rows(n, 10)) : Flux.empty();
		});
		when(this.repository.record(any())).thenReturn(Mono.empty());
		AtomicInteger now = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		AtomicInteger calls = new AtomicInteger();
		when(this.server.deliverAsTransaction(any())).thenAnswer((call) -> {
			most.accumulateAndGet(now.incrementAndGet(), Math::max);
			// after the first batch (which finds the replica behind), each waits (at most
			// 5 s) until the budget is in flight: delivered one after the other, that
			// never
			// happens and the most seen stays 1
			boolean first = calls.incrementAndGet() == 1;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (!first && most.get() < inFlight && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			Thread.sleep(20);
			now.decrementAndGet();
			List<OutboxRow> rows = call.getArgument(0);
			return rows.stream().map((r) -> Delivery.delivered(r, "Observation/" + r.id())).toList();
		});
		this.health.set(FhirServerHealth.State.READY, "test");
		OutboxWorker worker = worker(
				Map.of("heima.fhir.sync.batch-size", "10", "heima.fhir.sync.in-flight", String.valueOf(inFlight)));

		worker.round().block(Duration.ofSeconds(60));

		assertThat(most.get()).isEqualTo(inFlight);
		// every batch the mock had was claimed, then each lane met an empty claim
		assertThat(claims.get()).isEqualTo(12 + inFlight);
	}

	@Test
	void aReplicaThatIsNotBehindSendsOneBatchAPoll() {
		when(this.repository.claim(anyInt(), any())).thenReturn(Flux.fromIterable(rows(1, 4)));
		when(this.repository.record(any())).thenReturn(Mono.empty());
		when(this.server.deliverAsTransaction(any()))
			.thenAnswer((call) -> ((List<OutboxRow>) call.getArgument(0)).stream()
				.map((r) -> Delivery.delivered(r, "Observation/" + r.id()))
				.toList());
		this.health.set(FhirServerHealth.State.READY, "test");

		worker(Map.of("heima.fhir.sync.batch-size", "10")).round().block(Duration.ofSeconds(10));

		verify(this.repository, org.mockito.Mockito.times(1)).claim(anyInt(), any());
	}

	@Test
	void aBundleThatTimesOutHalvesTheNextClaimAndTheServerStaysReady() {
		List<Integer> limits = new java.util.concurrent.CopyOnWriteArrayList<>();
		when(this.repository.claim(anyInt(), any())).thenAnswer((call) -> {
			int limit = call.getArgument(0);
			limits.add(limit);
			return (limits.size() <= 2) ? Flux.fromIterable(rows(limits.size(), limit)) : Flux.empty();
		});
		when(this.repository.record(any())).thenReturn(Mono.empty());
		AtomicInteger bundles = new AtomicInteger();
		when(this.server.deliverAsTransaction(any())).thenAnswer((call) -> {
			List<OutboxRow> rows = call.getArgument(0);
			// the first bundle runs past its time-out; the smaller one after it goes
			// through
			return (bundles.incrementAndGet() == 1)
					? rows.stream().map((r) -> Delivery.slowBundle(r, "transaction of 10: Read timed out")).toList()
					: rows.stream().map((r) -> Delivery.delivered(r, "Observation/" + r.id())).toList();
		});
		this.health.set(FhirServerHealth.State.READY, "test");
		OutboxWorker worker = worker(Map.of("heima.fhir.sync.batch-size", "10", "heima.fhir.sync.in-flight", "1"));

		worker.round().block(Duration.ofSeconds(10));

		// 10 timed out: 5 next; those 5 went through quickly: 6 after that
		assertThat(limits).containsExactly(10, 5, 6);
		assertThat(worker.bundleSize()).isEqualTo(6);
		assertThat(this.health.state()).isEqualTo(FhirServerHealth.State.READY);
		// the timed-out rows are retried (after a backoff), not parked
		org.mockito.ArgumentCaptor<List<Delivery>> recorded = org.mockito.ArgumentCaptor.captor();
		verify(this.repository, org.mockito.Mockito.times(2)).record(recorded.capture());
		assertThat(recorded.getAllValues().get(0)).hasSize(10)
			.allMatch((d) -> d.outcome() == Delivery.Outcome.RETRY && d.retryIn() != null);
	}

	@Test
	void aServerFaultStillMarksTheServerUnavailableAndLeavesTheBundleSize() {
		when(this.repository.claim(anyInt(), any())).thenReturn(Flux.fromIterable(rows(1, 10)));
		when(this.repository.record(any())).thenReturn(Mono.empty());
		when(this.server.deliverAsTransaction(any()))
			.thenAnswer((call) -> ((List<OutboxRow>) call.getArgument(0)).stream()
				.map((r) -> Delivery.serverFault(r, "503 unavailable"))
				.toList());
		this.health.set(FhirServerHealth.State.READY, "test");
		OutboxWorker worker = worker(Map.of("heima.fhir.sync.batch-size", "10"));

		worker.round().block(Duration.ofSeconds(10));

		assertThat(this.health.state()).isEqualTo(FhirServerHealth.State.UNAVAILABLE);
		assertThat(worker.bundleSize()).isEqualTo(10);
	}

	@Test
	void theBundleTimeOutStaysWellInsideTheLease() {
		FhirServerProperties.Sync defaults = properties(Map.of()).sync();
		assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(defaults.bundleReadTimeout()).isEqualTo(Duration.ofSeconds(45));
		FhirServerProperties.Sync shortLease = properties(
				Map.of("heima.fhir.sync.lease", "20s", "heima.fhir.sync.bundle-timeout", "2m"))
			.sync();
		assertThat(shortLease.bundleReadTimeout()).isEqualTo(Duration.ofSeconds(15));
	}

	private static FhirServerProperties properties(Map<String, String> settings) {
		Map<String, String> all = new java.util.HashMap<>(settings);
		all.put("heima.fhir.base-url", "http://fhir.example/fhir");
		return new Binder(new MapConfigurationPropertySource(all)).bind("heima.fhir", FhirServerProperties.class).get();
	}

	private OutboxWorker worker(Map<String, String> settings) {
		Map<String, String> all = new java.util.HashMap<>(settings);
		all.put("heima.fhir.base-url", "http://fhir.example/fhir");
		FhirServerProperties properties = new Binder(new MapConfigurationPropertySource(all))
			.bind("heima.fhir", FhirServerProperties.class)
			.get();
		return new OutboxWorker(properties, this.repository, this.server, new SimpleMeterRegistry(), this.health);
	}

	private static List<OutboxRow> rows(int batch, int size) {
		return IntStream.range(0, size)
			.mapToObj((i) -> new OutboxRow(batch * 1000L + i, "Observation", "urn:test", batch + "-" + i, "{}",
					"urn:oid:2.16.578.1.12.4.1.4.1", "12837540028", "Kari", "Nordvik", null, 1, Instant.now(), false))
			.toList();
	}

}
