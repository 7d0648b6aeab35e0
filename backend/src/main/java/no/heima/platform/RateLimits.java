package no.heima.platform;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import no.heima.problem.ProblemType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits on logins (per client address, before Spring Security, which handles the
 * login endpoints itself) and on API writes (per user, after it, once the caller is
 * known). Over the limit: {@code 429} problem {@code rate-limited} with
 * {@code Retry-After}.
 */
@Configuration
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "heima.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimits {

	private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	@Bean(destroyMethod = "close")
	RateLimiter rateLimiter(@Value("${heima.db.url}") String url, @Value("${heima.db.username}") String username,
			@Value("${heima.db.password:}") String password, RateLimitProperties properties) {
		return new RateLimiter("jdbc:" + url, username, password, properties.poolSize());
	}

	/** Spring Security's web filter chain runs at -100: this one before it. */
	@Bean
	@Order(-150)
	WebFilter loginRateLimit(RateLimiter limiter, RateLimitProperties properties, JsonMapper json) {
		return (exchange, chain) -> {
			String path = exchange.getRequest().getPath().pathWithinApplication().value();
			if (!path.startsWith("/oauth2/authorization/") && !path.startsWith("/login/oauth2/code/")) {
				return chain.filter(exchange);
			}
			return limiter.tryConsume("login", address(exchange), properties.login())
				.flatMap((decision) -> decision.allowed() ? chain.filter(exchange)
						: refuse(exchange, json, decision.retryAfterSeconds()));
		};
	}

	/** After Spring Security: the principal is known. */
	@Bean
	@Order(0)
	WebFilter writeRateLimit(RateLimiter limiter, RateLimitProperties properties, JsonMapper json) {
		return (exchange, chain) -> {
			var request = exchange.getRequest();
			if (!WRITES.contains(request.getMethod())
					|| !request.getPath().pathWithinApplication().value().startsWith("/api/")) {
				return chain.filter(exchange);
			}
			return exchange.getPrincipal()
				.flatMap((principal) -> limiter.tryConsume("write", principal.getName(), properties.writes()))
				.defaultIfEmpty(new RateLimiter.Decision(true, 0))
				.flatMap((decision) -> decision.allowed() ? chain.filter(exchange)
						: refuse(exchange, json, decision.retryAfterSeconds()));
		};
	}

	/**
	 * The peer address; behind a proxy it is the forwarded client only when
	 * {@code server.forward-headers-strategy} says to trust the proxy.
	 */
	private static String address(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

	static Mono<Void> refuse(ServerWebExchange exchange, JsonMapper json, long retryAfterSeconds) {
		ProblemType type = ProblemType.RATE_LIMITED;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.uri());
		body.put("title", type.title());
		body.put("status", type.status().value());
		body.put("detail", "Too many requests; try again in " + retryAfterSeconds + " s");
		body.put("instance", exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(type.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		return response.writeWith(Mono
			.just(response.bufferFactory().wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8))));
	}

}
