package no.heima.identity;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import no.heima.problem.ProblemType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security filters as problem details, so an API client never
 * receives a login-page redirect or an empty body.
 */
@Component
class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	ServerAuthenticationEntryPoint unauthenticated() {
		return (exchange, ex) -> write(exchange, ProblemType.UNAUTHENTICATED, "Login required");
	}

	ServerAccessDeniedHandler forbidden() {
		return (exchange, ex) -> write(exchange, ProblemType.FORBIDDEN, "Not allowed");
	}

	/**
	 * A write refused by the CSRF check, which runs before authentication: without a
	 * logged-in session the caller is anonymous (401, as for any other method); with one,
	 * the CSRF token is missing or wrong (403).
	 */
	ServerAccessDeniedHandler csrfRefused() {
		return (exchange, ex) -> exchange.getSession()
			.map((session) -> session.getAttribute(
					WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME) != null)
			.defaultIfEmpty(false)
			.flatMap((loggedIn) -> loggedIn ? write(exchange, ProblemType.FORBIDDEN, "CSRF token missing or wrong")
					: write(exchange, ProblemType.UNAUTHENTICATED, "Login required"));
	}

	private Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.uri());
		body.put("title", type.title());
		body.put("status", type.status().value());
		body.put("detail", detail);
		body.put("instance", exchange.getRequest().getPath().value());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(type.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer buffer = response.bufferFactory()
			.wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

}
