package no.heima.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Two filter chains: {@code /api/**} answers 401/403 as problem details (session cookie
 * from the browser login, or a bearer JWT from a machine client); everything else is the
 * browser side with the OIDC login. One chain for both would turn API 401s into login
 * redirects. The operational endpoints (actuator but the health probes, the OpenAPI
 * document, Swagger UI) need an ADMIN ({@link OperationsAccess}); every {@code /api}
 * route needs one of the roles its {@link Allowed} names ({@link RouteAccess}), checked
 * here, before the body is read, and audited when refused ({@link ProblemResponses}).
 */
@Configuration
class SecurityConfig {

	private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	/**
	 * No observations of Spring Security's own: with an observation registry it wraps
	 * every filter of both chains, and the authentication and authorization, in
	 * observations of their own (timers {@code spring_security_*} and a span each, on
	 * every request). They were part of the 9 % of a submission's CPU that went to
	 * Micrometer and tracing (issue 13's profile), and nothing reads them:
	 * {@code http_server_requests} and the request's span stay, and so do refusals
	 * (audited, {@link ProblemResponses}).
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityWebFilterChain apiChain(ServerHttpSecurity http, ProblemResponses problems, CsrfCookies csrfCookies,
			OperationsAccess operations, RouteAccess routes) {
		http.securityMatcher(
				ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**"))
			.authorizeExchange(exchanges -> exchanges.pathMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.pathMatchers("/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
				.access(operations)
				.pathMatchers("/api/**")
				.access(routes)
				.anyExchange()
				.authenticated())
			.securityContextRepository(new WebSessionServerSecurityContextRepository())
			.oauth2ResourceServer(rs -> rs.jwt(withDefaults())
				.authenticationEntryPoint(problems.unauthenticated())
				.accessDeniedHandler(problems.forbidden()))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthenticated())
				.accessDeniedHandler(problems.forbidden()))
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf(csrf -> csrf(csrf, csrfCookies).requireCsrfProtectionMatcher(sessionWrites())
				.accessDeniedHandler(problems.csrfRefused()))
			.addFilterAfter(csrfCookie(), SecurityWebFiltersOrder.CSRF);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain browserChain(ServerHttpSecurity http, IdentityProperties properties,
			ReactiveClientRegistrationRepository registrations, PublicUrl publicUrl, CsrfCookies csrfCookies,
			OperationsAccess operations, ServerOAuth2AuthorizationRequestResolver authorizationRequests) {
		AppRedirects redirects = new AppRedirects(properties, registrations, publicUrl);
		http.authorizeExchange(exchanges -> exchanges.pathMatchers("/", "/patient/**", "/clinician/**", "/favicon.ico")
			.permitAll()
			.pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
			.access(operations)
			.anyExchange()
			.authenticated())
			.oauth2Login(login -> login.authenticationSuccessHandler(redirects)
				// PKCE and acr_values per provider (ProviderLogins), on Heima's public
				// URL, never the Host header
				.authorizationRequestResolver(publicUrl.authorizationRequests(authorizationRequests)))
			.logout(logout -> logout.logoutSuccessHandler(redirects))
			.csrf(csrf -> csrf(csrf, csrfCookies))
			.addFilterAfter(csrfCookie(), SecurityWebFiltersOrder.CSRF);
		return http.build();
	}

	/**
	 * Cookie-held CSRF token the apps echo in {@code X-XSRF-TOKEN}; the plain (not
	 * BREACH-masked) handler because the value is read from the cookie by JavaScript.
	 */
	private static ServerHttpSecurity.CsrfSpec csrf(ServerHttpSecurity.CsrfSpec csrf, CsrfCookies cookies) {
		return csrf.csrfTokenRepository(cookies).csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler());
	}

	/**
	 * Bearer-token calls carry no ambient credentials, so only cookie-session writes need
	 * CSRF.
	 */
	private static ServerWebExchangeMatcher sessionWrites() {
		return exchange -> {
			var request = exchange.getRequest();
			String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
			return !SAFE_METHODS.contains(request.getMethod()) && !bearer ? ServerWebExchangeMatcher.MatchResult.match()
					: ServerWebExchangeMatcher.MatchResult.notMatch();
		};
	}

	/**
	 * The CSRF token is lazy; subscribing to it makes the filter write the cookie on
	 * every page.
	 */
	private static WebFilter csrfCookie() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
		};
	}

}
