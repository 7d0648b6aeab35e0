package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import local.heima.fhir.LocalFhirServer;
import no.heima.testsupport.HeimaInstance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import no.heima.testsupport.TestIdp;
import no.heima.testsupport.WorklistStream;
import no.heima.testsupport.WriteBack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Two Heima instances on one database: an item raised through instance A reaches a
 * worklist stream open on instance B (PostgreSQL LISTEN/NOTIFY), two clinicians taking it
 * at once leaves exactly one owner, and the patient sees the resolution's message; the
 * other team sees none of it.
 */
class WorklistTwoInstancesIT {

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static String carePlanId;

	private static LocalFhirServer fhir;

	@BeforeAll
	static void start() {
		fhir = LocalFhirServer.start(0);
		// instance A also writes back: the item's Flag must end up inactive on the FHIR
		// server
		a = HeimaInstance.start(Map.of("heima.fhir.base-url", fhir.baseUrl(), "heima.fhir.sync.poll-interval", "200ms",
				"heima.fhir.sync.create-missing-patients", "true"));
		b = HeimaInstance.start(Map.of());
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		Map<?, ?> pathway = as(a, "admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition",
					Map.of("name", "Arbeidslistetest", "activities",
							List.of(Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital",
									"BLOOD_PRESSURE", "schedule", daily, "thresholds",
									List.of(Map.of("code", "8480-6", "yellowHigh", 140, "redHigh", 180)))))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		as(a, "admin").post().uri("/api/pathways/" + pathway.get("id") + "/publish").exchange().expectStatus().isOk();
		as(a, "sykepleier1").post()
			.uri("/api/patients")
			.bodyValue(Map.of("identifier", "12837540028", "givenName", "Kari", "familyName", "Nordvik"))
			.exchange();
		Map<?, ?> page = as(a, "sykepleier1").get()
			.uri("/api/patients?q=12837540028")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String kari = (String) ((Map<?, ?>) ((List<?>) page.get("items")).get(0)).get("id");
		carePlanId = (String) as(a, "sykepleier1").post()
			.uri("/api/patients/" + kari + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway.get("id"), "startDate",
					LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1).toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	@AfterAll
	static void stop() {
		a.close();
		b.close();
		fhir.close();
	}

	@Test
	void anItemRaisedOnAReachesBTheFirstTakerWinsAndThePatientSeesTheNote() {
		Sinks.Many<ServerSentEvent<Map<String, Object>>> received = Sinks.many().replay().all();
		Disposable subscription = WorklistStream.open(HeimaInstance.baseUrl(b), "sykepleier1", Duration.ofSeconds(20),
				received::tryEmitNext);

		Instant submitted = Instant.now();
		Map<?, ?> measurement = submitBloodPressure(182, 110);
		ServerSentEvent<Map<String, Object>> raised = received.asFlux()
			.filter((e) -> "raised".equals(e.event()) && measurement.get("id").equals(e.data().get("sourceKey")))
			.blockFirst(Duration.ofSeconds(10));
		Duration delay = Duration.between(submitted, Instant.now());
		System.out.printf("Worklist: red item raised on instance A reached a stream on instance B %d ms after the"
				+ " patient's submission was answered%n", delay.toMillis());
		Map<String, Object> item = raised.data();
		assertThat(item.get("level")).isEqualTo("RED");
		assertThat(item.get("patientName")).isEqualTo("Kari Nordvik");
		assertThat(item.get("dueAt")).isNotNull();

		// two clinicians of the team take it at once: one wins, the other is told 409
		String id = (String) item.get("id");
		CompletableFuture<Integer> nurse = CompletableFuture
			.supplyAsync(() -> take(a, TestIdp.accessToken("sykepleier1"), id));
		CompletableFuture<Integer> integration = CompletableFuture
			.supplyAsync(() -> take(b, TestIdp.machineToken(), id));
		assertThat(List.of(nurse.join(), integration.join())).containsExactlyInAnyOrder(200, 409);
		String winner = (nurse.join() == 200) ? TestIdp.accessToken("sykepleier1") : TestIdp.machineToken();

		WebTestClient.bindToServer()
			.baseUrl(HeimaInstance.baseUrl(a))
			.responseTimeout(Duration.ofSeconds(30))
			.defaultHeaders((h) -> h.setBearerAuth(winner))
			.build()
			.post()
			.uri("/api/worklist/" + id + "/resolve")
			.bodyValue(Map.of("action", "CALLED_PATIENT", "note", "Ringte, målte på nytt 150/90", "patientMessage",
					"Vi ringte deg. Fortsett å måle hver morgen."))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("RESOLVED");
		received.asFlux()
			.filter((e) -> "resolved".equals(e.event()) && id.equals(e.data().get("id")))
			.blockFirst(Duration.ofSeconds(10));

		as(b, "pasient1").get()
			.uri("/api/me/reviews")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.sourceKey == '" + measurement.get("id") + "')].message")
			.isEqualTo(List.of("Vi ringte deg. Fortsett å måle hver morgen."));
		subscription.dispose();

		// on the patient's record: one Flag for the item, made inactive by the resolution
		Flag flag = awaitFlag(id, Flag.FlagStatus.INACTIVE);
		assertThat(flag.getPeriod().hasEnd()).isTrue();
		assertThat(flag.getSubject().getReference()).startsWith("Patient/");
	}

	private static Flag awaitFlag(String itemId, Flag.FlagStatus status) {
		var client = WriteBack.fhirClient(fhir.baseUrl());
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		List<Flag> flags = List.of();
		while (Instant.now().isBefore(deadline)) {
			flags = client.search()
				.forResource(Flag.class)
				.where(Flag.IDENTIFIER.exactly().systemAndCode("https://heima.example/fhir/id/worklist-item", itemId))
				.returnBundle(Bundle.class)
				.execute()
				.getEntry()
				.stream()
				.map((e) -> (Flag) e.getResource())
				.toList();
			if (flags.size() == 1 && flags.get(0).getStatus() == status) {
				return flags.get(0);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError("Expected one " + status + " Flag for item " + itemId + ", found " + flags.size()
				+ (flags.isEmpty() ? "" : " (" + flags.get(0).getStatus() + ")"));
	}

	@Test
	void redComesBeforeYellowAndAnotherTeamSeesNothing() {
		submitBloodPressure(150, 80);
		Map<?, ?> red = submitBloodPressure(190, 85);
		List<?> items = (List<?>) as(b, "sykepleier1").get()
			.uri("/api/worklist")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("items");
		List<Object> levels = items.stream().map((i) -> (Object) ((Map<?, ?>) i).get("level")).toList();
		assertThat(levels.indexOf("RED")).isLessThan(levels.lastIndexOf("YELLOW"));
		assertThat(levels.subList(0, levels.lastIndexOf("RED") + 1)).containsOnly("RED");

		String redItem = items.stream()
			.map((i) -> (Map<?, ?>) i)
			.filter((i) -> red.get("id").equals(i.get("sourceKey")))
			.map((i) -> (String) i.get("id"))
			.findFirst()
			.orElseThrow();
		as(a, "sykepleier2").get()
			.uri("/api/worklist")
			.exchange()
			.expectBody()
			.jsonPath("$.items[?(@.id == '" + redItem + "')]")
			.doesNotExist();
		as(a, "sykepleier2").post().uri("/api/worklist/" + redItem + "/take").exchange().expectStatus().isNotFound();
		as(a, "pasient1").get().uri("/api/worklist").exchange().expectStatus().isForbidden();
	}

	private static Map<?, ?> submitBloodPressure(int systolic, int diastolic) {
		String body = "{\"vital\":\"BLOOD_PRESSURE\",\"carePlanId\":\"" + carePlanId + "\",\"activityId\":\"bp\","
				+ "\"measuredAt\":\"" + Instant.now() + "\",\"values\":[{\"code\":\"8480-6\",\"value\":" + systolic
				+ ",\"unit\":\"mm[Hg]\"},{\"code\":\"8462-4\",\"value\":" + diastolic + ",\"unit\":\"mm[Hg]\"}]}";
		return as(a, "pasient1").post()
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
	}

	private static int take(ConfigurableApplicationContext instance, String token, String id) {
		return WebClient.create(HeimaInstance.baseUrl(instance))
			.post()
			.uri("/api/worklist/" + id + "/take")
			.header("Authorization", "Bearer " + token)
			.exchangeToMono((response) -> Mono.just(response.statusCode().value()))
			.block();
	}

	private static WebTestClient as(ConfigurableApplicationContext instance, String user) {
		return WebTestClient.bindToServer()
			.baseUrl(HeimaInstance.baseUrl(instance))
			.responseTimeout(Duration.ofSeconds(30))
			.defaultHeaders((h) -> h.setBearerAuth(TestIdp.accessToken(user)))
			.build();
	}

}
