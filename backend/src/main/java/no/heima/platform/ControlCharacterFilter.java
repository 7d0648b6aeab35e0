package no.heima.platform;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.heima.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an API call whose path or query carries a control character (e.g.
 * {@code ?q=%00}) before any code sees it: path variables and search terms reach
 * PostgreSQL, which fails on NUL. Bodies are checked where they are read
 * ({@link JsonLimits}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ControlCharacterFilter implements WebFilter {

	private final JsonMapper json;

	ControlCharacterFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith("/api/")) {
			return chain.filter(exchange);
		}
		String field = null;
		try {
			if (InputBounds.hasControlCharacter(UriUtils.decode(path, StandardCharsets.UTF_8))) {
				field = "path";
			}
		}
		catch (IllegalArgumentException undecodable) {
			field = "path";
		}
		for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
			if (InputBounds.hasControlCharacter(parameter.getKey())
					|| parameter.getValue().stream().anyMatch((v) -> v != null && InputBounds.hasControlCharacter(v))) {
				field = "query";
			}
		}
		return (field == null) ? chain.filter(exchange) : refuse(exchange, field);
	}

	private Mono<Void> refuse(ServerWebExchange exchange, String field) {
		ProblemType type = ProblemType.VALIDATION;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.uri());
		body.put("title", type.title());
		body.put("status", type.status().value());
		body.put("detail", "The " + field + " contains a control character");
		body.put("instance", exchange.getRequest().getPath().value());
		body.put("errors", List.of(Map.of("field", field, "code", "control-character", "message",
				"The " + field + " contains a control character")));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(type.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono
			.just(response.bufferFactory().wrap(this.json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8))));
	}

}
