package no.heima.platform;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One correlation id per request: the caller's {@code X-Request-Id} when it is a sane
 * token (a proxy or the ingress usually sets one), else a new UUID. It is echoed in the
 * response and put in the Reactor context under {@code correlationId}; with
 * {@code spring.reactor.context-propagation=auto} (the prod profile) every log line
 * written while serving the request carries it in the MDC, so the structured JSON logs of
 * one request can be found together.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Request-Id";

	static final String KEY = "correlationId";

	/**
	 * Anything else (too long, or carrying characters meant for log injection) is
	 * replaced.
	 */
	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new MdcAccessor());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (given != null && SAFE.matcher(given).matches()) ? given : UUID.randomUUID().toString();
		exchange.getResponse().getHeaders().set(HEADER, id);
		return chain.filter(exchange).contextWrite((context) -> context.put(KEY, id));
	}

	@Override
	public int getOrder() {
		// before security, so that refused requests have an id too
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/** Moves the id between the Reactor context and the logging MDC. */
	static final class MdcAccessor implements ThreadLocalAccessor<String> {

		@Override
		public Object key() {
			return KEY;
		}

		@Override
		public String getValue() {
			return MDC.get(KEY);
		}

		@Override
		public void setValue(String value) {
			MDC.put(KEY, value);
		}

		@Override
		public void setValue() {
			MDC.remove(KEY);
		}

	}

}
