package no.heima.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The health probes are open; metrics, the OpenAPI document and Swagger UI need an ADMIN
 * (401 problem details for anonymous API-style calls, 403 for a nurse, a login redirect
 * for an anonymous browser on Swagger UI).
 */
class OperationsEndpointsIT extends IntegrationTest {

	private static final List<String> PROTECTED = List.of("/actuator/prometheus", "/actuator/info", "/v3/api-docs");

	@Test
	void healthProbesAreOpen() {
		for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			web.get().uri(probe).exchange().expectStatus().isOk();
		}
	}

	@Test
	void metricsAndApiDocsNeedAnAdmin() {
		for (String path : PROTECTED) {
			web.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			as("sykepleier1").get().uri(path).exchange().expectStatus().isForbidden();
			// the first OpenAPI document is built on demand: slow on a loaded machine
			as("admin").mutate()
				.responseTimeout(java.time.Duration.ofMinutes(2))
				.build()
				.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	@Test
	void swaggerUiSendsAnAnonymousBrowserToLogin() {
		for (String path : List.of("/swagger-ui.html", "/webjars/swagger-ui/index.html")) {
			var result = web.get().uri(path).exchange().expectStatus().is3xxRedirection().returnResult(String.class);
			assertThat(result.getResponseHeaders().getLocation().toString()).as(path).contains("login");
		}
	}

}
