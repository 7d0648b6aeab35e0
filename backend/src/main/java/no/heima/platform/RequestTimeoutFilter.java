package no.heima.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import no.heima.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives up on a request that runs longer than {@code heima.http.request-timeout}: the
 * handler's subscription is cancelled (which rolls back its transaction and hands its
 * database connection back to the pool), the caller gets a {@code request-timeout}
 * problem, and {@code heima.http.timeouts} counts it. Without it a request stuck on the
 * database holds a pooled connection for as long as the client waits, and enough of them
 * starve every other request. Server-sent event streams are long-lived by design and
 * exempt.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestTimeoutFilter implements WebFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestTimeoutFilter.class);

	private final HttpProperties properties;

	private final JsonMapper json;

	private final Counter timeouts;

	RequestTimeoutFilter(HttpProperties properties, JsonMapper json, MeterRegistry meters) {
		this.properties = properties;
		this.json = json;
		this.timeouts = Counter.builder("heima.http.timeouts")
			.description("Requests cancelled for running past heima.http.request-timeout")
			.register(meters);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exempt(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange)
			.timeout(this.properties.requestTimeout())
			.onErrorResume(RequestTimeoutFilter::timeout, (ex) -> timedOut(exchange));
	}

	/**
	 * Our own limit, or PostgreSQL's statement time-out (set to the same limit, see
	 * {@link PlatformConfig}) when a statement reached it first.
	 */
	private static boolean timeout(Throwable ex) {
		return ex instanceof TimeoutException || ex instanceof QueryTimeoutException
				|| ex instanceof R2dbcTimeoutException;
	}

	private boolean exempt(ServerHttpRequest request) {
		String path = request.getPath().pathWithinApplication().value();
		// an entry ending in /** exempts everything under it (downloads named by id)
		boolean listed = this.properties.timeoutExempt()
			.stream()
			.anyMatch((exempt) -> exempt.endsWith("/**") ? path.startsWith(exempt.substring(0, exempt.length() - 2))
					: exempt.equals(path));
		return listed || request.getHeaders()
			.getAccept()
			.stream()
			.anyMatch((type) -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM) && !type.isWildcardType());
	}

	private Mono<Void> timedOut(ServerWebExchange exchange) {
		this.timeouts.increment();
		ServerHttpRequest request = exchange.getRequest();
		log.warn("Request {} {} cancelled after {}", request.getMethod(), request.getPath().value(),
				this.properties.requestTimeout());
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			// part of the answer is on its way: all that is left is to end it
			return response.setComplete();
		}
		ProblemType type = ProblemType.REQUEST_TIMEOUT;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.uri());
		body.put("title", type.title());
		body.put("status", type.status().value());
		body.put("detail", "Heima gave up after " + this.properties.requestTimeout().toMillis()
				+ " ms and rolled back what it was doing; try again shortly");
		body.put("instance", request.getPath().value());
		response.setStatusCode(type.status());
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return response.writeWith(Mono
			.just(response.bufferFactory().wrap(this.json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8))));
	}

}
