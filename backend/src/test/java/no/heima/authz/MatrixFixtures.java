package no.heima.authz;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The records the matrix's requests point at, all of the patient concerned (Kari, team
 * hjerte): a pathway of the team, her care plan on it, a questionnaire response whose
 * answer raises a worklist item. Made through the API, like a clinic would.
 */
final class MatrixFixtures {

	static final String HEART_FAILURE = "https://heima.example/fhir/Questionnaire/heart-failure-symptoms";

	private final Function<String, WebTestClient> as;

	MatrixFixtures(Function<String, WebTestClient> as) {
		this.as = as;
	}

	void create(Map<String, String> fixtures) {
		String today = LocalDate.now(ZoneId.of("Europe/Oslo")).toString();
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		Map<String, Object> definition = Map.of("name", "Matrise " + UUID.randomUUID(), "activities",
				List.of(Map.of("id", "hf-read", "type", "QUESTIONNAIRE", "title", "Symptomer", "questionnaireUrl",
						HEART_FAILURE, "questionnaireVersion", "1.0.0", "schedule", daily, "triggers",
						List.of(Map.of("linkId", "hf-more-breathless", "codes", List.of("true"), "level", "YELLOW")))));
		String pathway = id(this.as.apply("admin")
			.post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition", definition))
			.exchange()
			.expectStatus()
			.isCreated());
		this.as.apply("admin").post().uri("/api/pathways/" + pathway + "/publish").exchange().expectStatus().isOk();
		String kari = kari();
		String carePlan = id(this.as.apply("sykepleier1")
			.post()
			.uri("/api/patients/" + kari + "/care-plans")
			.bodyValue(Map.of("pathwayId", pathway, "startDate",
					LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1).toString()))
			.exchange()
			.expectStatus()
			.isCreated());
		String response = id(this.as.apply("pasient1")
			.post()
			.uri("/api/me/responses")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"carePlanId\": \"" + carePlan + "\", \"activityId\": \"hf-read\", \"date\": \"" + today
					+ "\", \"questionnaireResponse\": " + resource("authz/heart-failure-worse.json") + "}")
			.exchange()
			.expectStatus()
			.isCreated());
		List<?> items = this.as.apply("sykepleier1")
			.get()
			.uri("/api/patients/" + kari + "/worklist")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		String item = items.stream()
			.map((i) -> (Map<?, ?>) i)
			.filter((i) -> carePlan.equals(i.get("carePlanId")))
			.map((i) -> (String) i.get("id"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the response raised no worklist item: " + items));
		Map<?, ?> library = this.as.apply("admin")
			.get()
			.uri("/api/questionnaires")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<?> questionnaires = (List<?>) library.get("items");
		fixtures.put("patient", kari);
		fixtures.put("pathway", pathway);
		fixtures.put("carePlan", carePlan);
		fixtures.put("response", response);
		fixtures.put("item", item);
		fixtures.put("questionnaire",
				(String) ((Map<?, ?>) ((Map<?, ?>) questionnaires.get(0)).get("latest")).get("id"));
	}

	private String kari() {
		var created = this.as.apply("sykepleier1")
			.post()
			.uri("/api/patients")
			.bodyValue(Map.of("identifier", "12837540028", "givenName", "Kari", "familyName", "Nordvik"))
			.exchange()
			.returnResult(Map.class);
		if (created.getStatus().value() == 201) {
			return (String) created.getResponseBody().blockFirst().get("id");
		}
		Map<?, ?> page = this.as.apply("sykepleier1")
			.get()
			.uri("/api/patients?q=12837540028")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) ((Map<?, ?>) ((List<?>) page.get("items")).get(0)).get("id");
	}

	private static String resource(String name) {
		try (var in = MatrixFixtures.class.getClassLoader().getResourceAsStream(name)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String id(WebTestClient.ResponseSpec created) {
		return (String) created.expectBody(Map.class).returnResult().getResponseBody().get("id");
	}

}
