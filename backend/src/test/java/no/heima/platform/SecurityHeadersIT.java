package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The hardening headers on the app pages, the API and its errors; anonymous API calls of
 * every method are 401 problem details; the CSRF cookie is SameSite.
 */
class SecurityHeadersIT extends IntegrationTest {

	@Test
	void appPagesCarryAScriptTightPolicyAndTheCsrfCookieIsSameSite() {
		for (String page : List.of("/patient/", "/clinician/", "/patient/today")) {
			EntityExchangeResult<byte[]> result = web.get()
				.uri(page)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult();
			hardened(result.getResponseHeaders(), page);
			assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).as(page)
				.anySatisfy((cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN=")
					.contains("SameSite=Lax")
					.doesNotContain("Secure"));
		}
	}

	@Test
	void anonymousApiCallsOfEveryMethodAre401ProblemsWithTheHeaders() {
		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
				HttpMethod.DELETE)) {
			var spec = web.method(method).uri("/api/patients");
			if (method != HttpMethod.GET && method != HttpMethod.DELETE) {
				spec.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
			}
			EntityExchangeResult<byte[]> result = spec.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:heima:problem:unauthenticated")
				.returnResult();
			hardened(result.getResponseHeaders(), method + " /api/patients");
		}
	}

	static void hardened(HttpHeaders headers, String what) {
		String csp = headers.getFirst("Content-Security-Policy");
		assertThat(csp).as(what).isNotNull().contains("frame-ancestors 'none'").contains("object-src 'none'");
		String scripts = directive(csp, "script-src");
		assertThat(scripts).as(what + " script-src").isEqualTo("script-src 'self'");
		assertThat(directive(csp, "default-src")).isEqualTo("default-src 'self'");
		assertThat(headers.getFirst("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
		assertThat(headers.getFirst("Referrer-Policy")).as(what).isEqualTo("no-referrer");
		assertThat(headers.getFirst("Permissions-Policy")).as(what).contains("camera=()").contains("geolocation=()");
	}

	private static String directive(String csp, String name) {
		for (String part : csp.split(";")) {
			if (part.trim().startsWith(name + " ")) {
				return part.trim();
			}
		}
		return "";
	}

}
