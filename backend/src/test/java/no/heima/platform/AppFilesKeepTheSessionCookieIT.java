package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * A request with a session cookie that names no session (sent before a login changed the
 * session id) deletes the cookie only where a session is used: the apps' files leave it
 * alone, so a service worker's precache during a login cannot log the user out.
 */
class AppFilesKeepTheSessionCookieIT extends IntegrationTest {

	private static final String STALE = "SESSION=a-session-id-from-before-the-login";

	@Test
	void theAppsFilesLeaveAStaleSessionCookieAlone() {
		for (String file : List.of("/patient/", "/clinician/", "/patient/manifest.webmanifest")) {
			List<String> cookies = web.get()
				.uri(file)
				.header(HttpHeaders.COOKIE, STALE)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(byte[].class)
				.getResponseHeaders()
				.getOrDefault(HttpHeaders.SET_COOKIE, List.of());
			assertThat(cookies).as(file).noneSatisfy((cookie) -> assertThat(cookie).startsWith("SESSION="));
		}
	}

	@Test
	void anApiCallStillExpiresIt() {
		List<String> cookies = web.get()
			.uri("/api/me")
			.header(HttpHeaders.COOKIE, STALE)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getOrDefault(HttpHeaders.SET_COOKIE, List.of());
		assertThat(cookies).anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=").contains("Max-Age=0"));
	}

}
