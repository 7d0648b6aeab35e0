package no.heima.vital;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.heima.testsupport.CommittedJson;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;

/**
 * {@code GET /api/vitals} serves the whole catalogue of {@link Vital} to any logged-in
 * user, with the facts the web apps need, and can be cached: an ETag that a repeat
 * request turns into a 304.
 */
class VitalCatalogueIT extends IntegrationTest {

	@Test
	void servesEveryVitalWithItsComponents() {
		List<Map<String, Object>> vitals = as("pasient1").get()
			.uri("/api/vitals")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(vitals).extracting((v) -> v.get("vital"))
			.containsExactly((Object[]) java.util.Arrays.stream(Vital.values()).map(Enum::name).toArray());
		Map<String, Object> pressure = vitals.get(0);
		assertThat(pressure).containsEntry("loinc", "85354-9")
			.containsEntry("unit", "mm[Hg]")
			.containsEntry("name", Map.of("nb", "Blodtrykk", "en", "Blood pressure"));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> components = (List<Map<String, Object>>) pressure.get("components");
		assertThat(components).extracting((c) -> c.get("code")).containsExactly("8480-6", "8462-4", "8867-4");
		assertThat(components.get(0)).containsEntry("key", "systolic")
			.containsEntry("unit", "mm[Hg]")
			.containsEntry("min", 50)
			.containsEntry("max", 300)
			.containsEntry("decimals", 0)
			.containsEntry("required", true);
		assertThat(components.get(2)).containsEntry("key", "pulse")
			.containsEntry("unit", "/min")
			.containsEntry("required", false);
		@SuppressWarnings("unchecked")
		Map<String, Object> glucose = ((List<Map<String, Object>>) vitals.get(6).get("components")).get(0);
		assertThat(glucose).containsEntry("min", 0.5).containsEntry("decimals", 1);
	}

	/**
	 * The web apps' unit tests use this answer ({@code web-common/src/test/vitals.json}).
	 */
	@Test
	void theWebAppsFixtureIsTheServedCatalogue() {
		String served = as("pasient1").get()
			.uri("/api/vitals")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		CommittedJson.check(CommittedJson.webCommon("test/vitals.json"), served, java.util.Set.of());
	}

	@Test
	void isCacheableAndRevalidatedByItsEtag() {
		HttpHeaders headers = as("sykepleier1").get()
			.uri("/api/vitals")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseHeaders();
		String etag = headers.getETag();
		assertThat(etag).startsWith("\"").endsWith("\"");
		assertThat(headers.getCacheControl()).contains("max-age=3600").contains("private");
		as("pasient1").get()
			.uri("/api/vitals")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified();
		as("pasient1").get()
			.uri("/api/vitals")
			.header(HttpHeaders.IF_NONE_MATCH, "\"other\"")
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * The apps' texts are typed by the document's list of keys: it must hold every key
	 * served.
	 */
	@Test
	void theDocumentListsEveryValueKey() {
		Map<String, Object> document = as("admin").mutate()
			.responseTimeout(java.time.Duration.ofMinutes(2))
			.build()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		List<String> listed = (List<String>) at(document, "components", "schemas", "VitalComponent", "properties",
				"key")
			.get("enum");
		List<String> served = java.util.Arrays.stream(Vital.values())
			.flatMap((v) -> v.components().stream())
			.map(Vital.Component::key)
			.distinct()
			.toList();
		assertThat(listed).containsExactlyInAnyOrderElementsOf(served);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> at(Map<String, Object> map, String... keys) {
		Map<String, Object> current = map;
		for (String key : keys) {
			current = (Map<String, Object>) current.get(key);
		}
		return current;
	}

	@Test
	void needsALogin() {
		this.web.get().uri("/api/vitals").exchange().expectStatus().isUnauthorized();
	}

}
