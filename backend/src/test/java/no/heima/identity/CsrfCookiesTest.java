package no.heima.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** The CSRF cookie is Secure when configured so or when the request came over HTTPS. */
class CsrfCookiesTest {

	@Test
	void secureFollowsConfigurationAndScheme() {
		assertThat(cookie(new CsrfCookies(false), "http://heima.example/patient/").isSecure()).isFalse();
		assertThat(cookie(new CsrfCookies(false), "https://heima.example/patient/").isSecure()).isTrue();
		ResponseCookie configured = cookie(new CsrfCookies(true), "http://heima.example/patient/");
		assertThat(configured.isSecure()).isTrue();
		assertThat(configured.getSameSite()).isEqualTo("Lax");
		assertThat(configured.isHttpOnly()).isFalse();
	}

	private static ResponseCookie cookie(CsrfCookies cookies, String url) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));
		cookies.generateToken(exchange).flatMap((token) -> cookies.saveToken(exchange, token)).block();
		return exchange.getResponse().getCookies().getFirst("XSRF-TOKEN");
	}

}
