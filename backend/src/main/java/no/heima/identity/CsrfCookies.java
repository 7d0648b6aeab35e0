package no.heima.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The CSRF cookie the apps read ({@code XSRF-TOKEN}, not HttpOnly), {@code SameSite=Lax},
 * and {@code Secure} like the session cookie: always when
 * {@code server.reactive.session.cookie.secure} is true (production), else when the
 * request came over HTTPS (behind a proxy: its {@code X-Forwarded-Proto}, honoured only
 * with {@code server.forward-headers-strategy}).
 */
@Component
class CsrfCookies implements ServerCsrfTokenRepository {

	private final boolean alwaysSecure;

	private final CookieServerCsrfTokenRepository plain = repository(false);

	private final CookieServerCsrfTokenRepository secure = repository(true);

	CsrfCookies(@Value("${server.reactive.session.cookie.secure:false}") boolean alwaysSecure) {
		this.alwaysSecure = alwaysSecure;
	}

	private static CookieServerCsrfTokenRepository repository(boolean secure) {
		CookieServerCsrfTokenRepository repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		repository.setCookieCustomizer((cookie) -> cookie.sameSite("Lax").secure(secure));
		return repository;
	}

	private CookieServerCsrfTokenRepository of(ServerWebExchange exchange) {
		return alwaysSecure || "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme()) ? secure : plain;
	}

	@Override
	public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
		return of(exchange).generateToken(exchange);
	}

	@Override
	public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
		return of(exchange).saveToken(exchange, token);
	}

	@Override
	public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
		return of(exchange).loadToken(exchange);
	}

}
