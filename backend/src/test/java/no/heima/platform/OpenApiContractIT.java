package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served OpenAPI document has a summary, the security schemes are
 * declared and required on the API, and request and response bodies carry a schema. A new
 * endpoint without a line in {@code openapi/operations.txt} (or an {@code @Operation}
 * summary) fails here.
 */
class OpenApiContractIT extends IntegrationTest {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	@Test
	void everyOperationIsDescribedSecuredAndTyped() {
		Map<String, Object> document = as("admin").mutate()
			.responseTimeout(java.time.Duration.ofMinutes(2))
			.build()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		List<String> gaps = gaps(document);
		assertThat(gaps).as(String.join("\n", gaps)).isEmpty();
		assertThat(map(document.get("paths"))).as("the document has the API's paths").hasSizeGreaterThan(30);
	}

	@Test
	void theCheckFindsWhatIsMissing() {
		Map<String, Object> op = Map.of("responses",
				Map.of("200", Map.of("content", Map.of("application/json", Map.of()))), "requestBody",
				Map.of("content", Map.of("application/json", Map.of())));
		List<String> gaps = gaps(Map.of("paths", Map.of("/api/x", Map.of("post", op))));
		assertThat(gaps).anyMatch((gap) -> gap.contains("no summary"))
			.anyMatch((gap) -> gap.contains("no security"))
			.anyMatch((gap) -> gap.contains("request body"))
			.anyMatch((gap) -> gap.contains("response 200"))
			.anyMatch((gap) -> gap.contains("security schemes"));
	}

	static List<String> gaps(Map<String, Object> document) {
		List<String> gaps = new ArrayList<>();
		Map<String, Object> schemes = map(map(document.get("components")).get("securitySchemes"));
		if (!schemes.containsKey("bearer") || !schemes.containsKey("session")) {
			gaps.add("security schemes bearer and session are not both declared: " + schemes.keySet());
		}
		map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, value) -> {
			if (!METHODS.contains(method)) {
				return;
			}
			String where = method.toUpperCase() + " " + path;
			Map<String, Object> operation = map(value);
			if (!(operation.get("summary") instanceof String summary) || summary.isBlank()) {
				gaps.add(where + ": no summary");
			}
			if (path.startsWith("/api/")
					&& !(operation.get("security") instanceof List<?> security && !security.isEmpty())) {
				gaps.add(where + ": no security requirement");
			}
			map(map(operation.get("requestBody")).get("content")).forEach((type, media) -> {
				if (!typed(map(media).get("schema"))) {
					gaps.add(where + ": request body " + type + " has no schema");
				}
			});
			map(operation.get("responses")).forEach((status, response) -> {
				if (status.startsWith("2")) {
					map(map(response).get("content")).forEach((type, media) -> {
						if (!typed(map(media).get("schema"))) {
							gaps.add(where + ": response " + status + " " + type + " has no schema");
						}
					});
				}
			});
		}));
		return gaps;
	}

	private static boolean typed(Object schema) {
		Map<String, Object> s = map(schema);
		return s.containsKey("$ref") || s.containsKey("type") || s.containsKey("oneOf") || s.containsKey("allOf")
				|| s.containsKey("anyOf");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
	}

}
