package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Result;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.StatementLog;
import no.heima.testsupport.TestDatabase;
import no.heima.testsupport.WorklistStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * N red submissions reaching M open worklist streams cost about N reads of the changed
 * items (not N × M, as when every stream read every change itself), their audit rows go
 * in far fewer inserts than events, and every event a stream was sent has its audit row
 * (who saw which patient's item).
 */
class WorklistLiveFeedIT extends IntegrationTest {

	private static final int STREAMS = 4;

	private static final int SUBMISSIONS = 12;

	@LocalServerPort
	private int port;

	@Autowired
	private StatementLog statements;

	@Autowired
	private LiveFeed feed;

	@Autowired
	private DatabaseClient db;

	@Test
	void nChangesToMStreamsAreAboutNReadsAndEveryDeliveredEventIsAudited() {
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		UUID pathway = publishedPathway(Map.of("name", "Direktestrøm", "activities",
				List.of(Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital", "BLOOD_PRESSURE",
						"schedule", daily, "thresholds",
						List.of(Map.of("code", "8480-6", "yellowHigh", 140, "redHigh", 180))))));
		UUID kari = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		String carePlan = enrol(kari, pathway, 1);

		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
		List<List<Map<String, Object>>> received = new ArrayList<>();
		List<Disposable> open = new ArrayList<>();
		for (int i = 0; i < STREAMS; i++) {
			List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
			open.add(WorklistStream.open("http://localhost:" + this.port, "sykepleier1", Duration.ofSeconds(30),
					(event) -> events.add(Map.of("event", event.event(), "data", event.data()))));
			received.add(events);
		}

		long readsBefore = this.feed.reads();
		List<String> sourceKeys = new ArrayList<>();
		List<StatementLog.Event> sent = this.statements.during(() -> {
			for (int i = 0; i < SUBMISSIONS; i++) {
				sourceKeys.add(submitRed(carePlan));
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!received.stream().allMatch((events) -> raised(events).containsAll(sourceKeys))) {
				assertThat(System.nanoTime()).as("every red item on every stream within 60 s").isLessThan(deadline);
				sleep(20);
			}
			// other changes of the same items (e.g. a second event per item) may still be
			// between their audit row and the stream: wait until nothing has arrived for
			// a second, so that closing the streams does not cut an audited event off
			int seen = -1;
			long quiet = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (seen != received.stream().mapToInt(List::size).sum() && System.nanoTime() < quiet) {
				seen = received.stream().mapToInt(List::size).sum();
				sleep(1000);
			}
		});
		open.forEach(Disposable::dispose);

		long reads = this.feed.reads() - readsBefore;
		List<StatementLog.Event> itemReads = sent.stream()
			.filter((e) -> e.isQuery() && e.sql().startsWith("select * from worklist_item where id ="))
			.toList();
		List<StatementLog.Event> auditInserts = sent.stream()
			.filter((e) -> e.isQuery() && e.sql().startsWith("insert into audit_event") && e.sql().contains("unnest"))
			.toList();
		int delivered = received.stream().mapToInt(List::size).sum();
		System.out.printf(
				"Worklist live feed: %d red submissions to %d streams: %d events delivered, %d item reads (feed: %d),"
						+ " %d multi-row audit inserts%n",
				SUBMISSIONS, STREAMS, delivered, itemReads.size(), reads, auditInserts.size());
		assertThat(itemReads).as("reads of changed items").hasSizeLessThanOrEqualTo(SUBMISSIONS).isNotEmpty();
		assertThat(itemReads).allMatch((e) -> e.sql().contains("any("));
		assertThat(reads).isEqualTo(itemReads.size());
		assertThat(auditInserts.size()).isLessThan(SUBMISSIONS * STREAMS);

		// every event delivered for Kari has its READ row, no more and no less
		long deliveredForKari = received.stream()
			.flatMap(List::stream)
			.filter((e) -> kari.toString().equals(((Map<?, ?>) e.get("data")).get("patientId")))
			.count();
		assertThat(deliveredForKari).isGreaterThanOrEqualTo((long) SUBMISSIONS * STREAMS);
		Long rows = this.db
			.sql("select count(*) from audit_event where patient_id = :patient and action = 'READ'"
					+ " and detail = 'worklist update' and occurred_at >= :start")
			.bind("patient", kari)
			.bind("start", start)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block(Duration.ofSeconds(10));
		assertThat(rows).isEqualTo(deliveredForKari);
	}

	/**
	 * The streams have a connection budget of their own: with every connection of the
	 * requests' pool held (ten statements sleeping), a change still reaches an open
	 * stream, read and audited, before any of them is free again.
	 */
	@Test
	void aChangeReachesTheStreamWhileEveryRequestConnectionIsBusy() {
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		UUID pathway = publishedPathway(Map.of("name", "Direktestrøm under last", "activities",
				List.of(Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital", "BLOOD_PRESSURE",
						"schedule", daily, "thresholds",
						List.of(Map.of("code", "8480-6", "yellowHigh", 140, "redHigh", 180))))));
		UUID kari = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		String carePlan = enrol(kari, pathway, 1);
		List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
		AtomicBoolean squatting = new AtomicBoolean();
		List<Boolean> takenWhileSquatting = new CopyOnWriteArrayList<>();
		Disposable stream = WorklistStream.open("http://localhost:" + this.port, "sykepleier1", Duration.ofSeconds(30),
				(event) -> {
					if ("taken".equals(event.event())) {
						takenWhileSquatting.add(squatting.get());
					}
					events.add(Map.of("event", event.event(), "data", event.data()));
				});
		try {
			String sourceKey = submitRed(carePlan);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!raised(events).contains(sourceKey)) {
				assertThat(System.nanoTime()).as("the red item on the stream within 60 s").isLessThan(deadline);
				sleep(20);
			}
			Map<?, ?> item = events.stream()
				.filter((e) -> sourceKey.equals(((Map<?, ?>) e.get("data")).get("sourceKey")))
				.map((e) -> (Map<?, ?>) e.get("data"))
				.findFirst()
				.orElseThrow();

			// every connection of the requests' pool (10) sleeps for 8 s
			squatting.set(true);
			Disposable squat = Flux.range(0, 10)
				.flatMap((i) -> this.db.sql("select pg_sleep(8)").fetch().rowsUpdated(), 10)
				.then()
				.doFinally((signal) -> squatting.set(false))
				.subscribe();
			sleep(1_000);
			notifyOnOwnConnection("taken " + item.get("id") + " " + item.get("team"));
			deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (takenWhileSquatting.isEmpty()) {
				assertThat(System.nanoTime()).as("the change on the stream within 30 s").isLessThan(deadline);
				sleep(20);
			}
			squat.dispose();
			assertThat(takenWhileSquatting).as("arrived while every request connection was still busy")
				.containsExactly(true);
		}
		finally {
			stream.dispose();
		}
	}

	private static void notifyOnOwnConnection(String payload) {
		TestDatabase.Server server = TestDatabase.get();
		ConnectionFactory factory = ConnectionFactories.get(ConnectionFactoryOptions.parse("r2dbc:" + server.url())
			.mutate()
			.option(ConnectionFactoryOptions.USER, server.username())
			.option(ConnectionFactoryOptions.PASSWORD, (server.password() != null) ? server.password() : "")
			.build());
		Mono.usingWhen(Mono.from(factory.create()), (connection) -> Flux
			.from(connection.createStatement("select pg_notify('heima_worklist', $1)").bind("$1", payload).execute())
			.flatMap(Result::getRowsUpdated)
			.then(), (connection) -> Mono.from(connection.close())).block(Duration.ofSeconds(30));
	}

	private static List<Object> raised(List<Map<String, Object>> events) {
		return events.stream()
			.filter((e) -> "raised".equals(e.get("event")))
			.map((e) -> ((Map<?, ?>) e.get("data")).get("sourceKey"))
			.map(Object.class::cast)
			.toList();
	}

	private String submitRed(String carePlan) {
		String body = "{\"vital\":\"BLOOD_PRESSURE\",\"carePlanId\":\"" + carePlan + "\",\"activityId\":\"bp\","
				+ "\"measuredAt\":\"" + Instant.now() + "\",\"values\":[{\"code\":\"8480-6\",\"value\":190,"
				+ "\"unit\":\"mm[Hg]\"},{\"code\":\"8462-4\",\"value\":100,\"unit\":\"mm[Hg]\"}]}";
		Map<?, ?> created = as("pasient1").post()
			.uri("/api/me/measurements")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) created.get("id");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
