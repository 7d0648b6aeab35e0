package no.heima.fhirsync;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import local.heima.fhir.LocalFhirServer;
import no.heima.testsupport.HeimaInstance;
import no.heima.testsupport.TestIdp;
import no.heima.testsupport.WriteBack;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Exactly once, end to end: 500 measurements at 16-way concurrency while the FHIR server
 * is down for part of the run and Heima is restarted once; in the end the FHIR server
 * holds each of the 500 Observations exactly once and the outbox is empty. Runs against
 * the in-test HAPI FHIR server, or an external one when {@code HEIMA_IT_FHIR_URL} is set
 * (e.g. a HAPI FHIR JPA server).
 */
class FhirWriteBackIT {

	private static final int MEASUREMENTS = 500;

	private static final int CONCURRENCY = 16;

	private static final String SYSTEM = "https://heima.example/fhir/id/measurement";

	private static LocalFhirServer fhir;

	private static String fhirUrl;

	private static volatile ConfigurableApplicationContext heima;

	private static final AtomicReference<String> base = new AtomicReference<>();

	@BeforeAll
	static void start() {
		String external = System.getenv("HEIMA_IT_FHIR_URL");
		if (external != null && !external.isBlank()) {
			fhirUrl = external;
		}
		else {
			fhir = LocalFhirServer.start(0);
			fhirUrl = fhir.baseUrl();
		}
		startHeima();
	}

	@AfterAll
	static void stop() {
		WriteBack.close(heima, fhir);
	}

	@Test
	void everyMeasurementReachesTheFhirServerExactlyOnceThroughAnOutageAndARestart() {
		String carePlan = enrolKari();
		String patient = TestIdp.accessToken("pasient1");
		AtomicInteger done = new AtomicInteger();
		java.util.concurrent.atomic.AtomicLong waitingDuringOutage = new java.util.concurrent.atomic.AtomicLong(-1);
		Instant start = Instant.now();

		List<String> ids = Flux.range(0, MEASUREMENTS)
			.flatMap((i) -> submit(i, carePlan, patient).publishOn(reactor.core.scheduler.Schedulers.boundedElastic())
				.doOnNext((id) -> {
					int n = done.incrementAndGet();
					if (n == 120 && fhir != null) {
						fhir.stop(); // the FHIR server goes away...
					}
					if (n == 250) {
						restartHeima(); // ...Heima restarts while requests are in
										// flight...
					}
					if (n == 380 && fhir != null) {
						waitingDuringOutage.set(outboxSize());
						fhir.start(); // ...and the FHIR server comes back
					}
				}), CONCURRENCY)
			.collectList()
			.block(Duration.ofMinutes(5));
		Duration submitting = Duration.between(start, Instant.now());

		assertThat(ids).hasSize(MEASUREMENTS).doesNotHaveDuplicates();
		if (fhir != null) {
			// the outage was real: resources queued up while the server was away
			assertThat(waitingDuringOutage.get()).isPositive();
		}
		if (fhir != null) {
			fhir.start();
		}
		WriteBack.awaitEmptyOutbox(heima, Duration.ofMinutes(3));
		Duration total = Duration.between(start, Instant.now());

		Map<String, Integer> onServer = observationsOnServer();
		Set<String> expected = new HashSet<>(ids);
		Map<String, Integer> ours = new HashMap<>();
		onServer.forEach((value, count) -> {
			if (expected.contains(value)) {
				ours.put(value, count);
			}
		});
		assertThat(ours).hasSize(MEASUREMENTS);
		assertThat(ours.values()).allMatch((count) -> count == 1);
		System.out.printf(
				"FHIR write-back: %d measurements submitted in %.1f s, all on the FHIR server after %.1f s,"
						+ " 0 duplicates; %d were waiting in the outbox when the FHIR server came back%n",
				MEASUREMENTS, submitting.toMillis() / 1000.0, total.toMillis() / 1000.0, waitingDuringOutage.get());
	}

	private Mono<String> submit(int i, String carePlan, String token) {
		String key = UUID.randomUUID().toString();
		String body = "{\"vital\":\"BODY_WEIGHT\",\"carePlanId\":\"" + carePlan + "\",\"measuredAt\":\""
				+ Instant.now().minus(Duration.ofMinutes(i + 1)) + "\",\"values\":[{\"code\":\"29463-7\",\"value\":"
				+ (70 + (i % 300) / 10.0) + ",\"unit\":\"kg\"}]}";
		// the same key on every retry: a lost answer must not make a second measurement
		return Mono
			.defer(() -> WebClient.create(base.get())
				.post()
				.uri("/api/me/measurements")
				.header("Authorization", "Bearer " + token)
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.retrieve()
				.bodyToMono(Map.class)
				.map((m) -> (String) m.get("id")))
			// up to 2 minutes: on a busy 2-core machine the restart alone took 35-58 s
			// (load average 25-40), more than the 30 s this allowed before
			.retryWhen(Retry.fixedDelay(240, Duration.ofMillis(500))
				.filter((ex) -> ex instanceof WebClientRequestException
						|| (ex instanceof WebClientResponseException r && r.getStatusCode().is5xxServerError())));
	}

	private static long outboxSize() {
		return heima.getBean(DatabaseClient.class)
			.sql("select count(*) from fhir_outbox")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	/**
	 * Observations with Heima's measurement identifier system: identifier value → how
	 * many.
	 */
	private static Map<String, Integer> observationsOnServer() {
		IGenericClient client = WriteBack.fhirClient(fhirUrl);
		Map<String, Integer> counts = new HashMap<>();
		Bundle page = client.search()
			.forResource(Observation.class)
			.where(Observation.IDENTIFIER.hasSystemWithAnyCode(SYSTEM))
			.count(1000)
			.returnBundle(Bundle.class)
			.execute();
		while (page != null) {
			for (Bundle.BundleEntryComponent entry : page.getEntry()) {
				for (Identifier id : ((Observation) entry.getResource()).getIdentifier()) {
					if (SYSTEM.equals(id.getSystem())) {
						counts.merge(id.getValue(), 1, Integer::sum);
					}
				}
			}
			page = (page.getLink(Bundle.LINK_NEXT) != null) ? client.loadPage().next(page).execute() : null;
		}
		return counts;
	}

	private static String enrolKari() {
		WebClient admin = client(TestIdp.accessToken("admin"));
		Map<?, ?> pathway = admin.post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition",
					Map.of("name", "Skrivetest", "activities", List.of(Map.of("id", "weight", "type", "MEASUREMENT",
							"title", "Vekt", "vital", "BODY_WEIGHT", "schedule",
							Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59"), "collectOnly", true,
							"collectOnlyReason", Map.of("nb", "Bare til samtalen", "en", "Only for the talk"))))))
			.retrieve()
			.bodyToMono(Map.class)
			.block();
		admin.post().uri("/api/pathways/" + pathway.get("id") + "/publish").retrieve().toBodilessEntity().block();
		WebClient nurse = client(TestIdp.accessToken("sykepleier1"));
		nurse.post()
			.uri("/api/patients")
			.bodyValue(Map.of("identifier", "12837540028", "givenName", "Kari", "familyName", "Nordvik"))
			.exchangeToMono((r) -> r.releaseBody())
			.block();
		Map<?, ?> page = nurse.get().uri("/api/patients?q=12837540028").retrieve().bodyToMono(Map.class).block();
		String patientId = (String) ((Map<?, ?>) ((List<?>) page.get("items")).get(0)).get("id");
		Map<?, ?> plan = nurse.post()
			.uri("/api/patients/" + patientId + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway.get("id"), "startDate",
					LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(30).toString()))
			.retrieve()
			.bodyToMono(Map.class)
			.block();
		return (String) plan.get("id");
	}

	private static WebClient client(String token) {
		return WebClient.builder().baseUrl(base.get()).defaultHeader("Authorization", "Bearer " + token).build();
	}

	private static void startHeima() {
		heima = HeimaInstance.start(Map.of("heima.fhir.base-url", fhirUrl, "heima.fhir.sync.poll-interval", "200ms",
				"heima.fhir.sync.backoff-base", "200ms", "heima.fhir.sync.backoff-max", "2s", "heima.fhir.sync.lease",
				"5s", "heima.fhir.sync.create-missing-patients", "true"));
		base.set(HeimaInstance.baseUrl(heima));
	}

	private static synchronized void restartHeima() {
		ConfigurableApplicationContext old = heima;
		new Thread(() -> {
			old.close();
			startHeima();
		}).start();
	}

}
