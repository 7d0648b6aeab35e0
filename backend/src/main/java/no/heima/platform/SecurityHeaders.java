package no.heima.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browser-hardening headers on every response (the apps, the API, its docs, errors
 * written by the security filters): a Content Security Policy without inline or evaluated
 * scripts (the Vite builds load only their own module files), no framing, no referrer, no
 * sensors. Set when the response commits, unless a handler set its own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SecurityHeaders implements WebFilter {

	private final Properties properties;

	SecurityHeaders(Properties properties) {
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			setIfAbsent(headers, "Content-Security-Policy", properties.contentSecurityPolicy());
			setIfAbsent(headers, "Permissions-Policy", properties.permissionsPolicy());
			setIfAbsent(headers, "Referrer-Policy", properties.referrerPolicy());
			setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
			setIfAbsent(headers, "X-Frame-Options", "DENY");
			setIfAbsent(headers, "Cross-Origin-Opener-Policy", "same-origin");
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private static void setIfAbsent(HttpHeaders headers, String name, String value) {
		if (value != null && !value.isBlank() && !headers.containsHeader(name)) {
			headers.set(name, value);
		}
	}

	/**
	 * @param contentSecurityPolicy {@code style-src} allows inline styles (React and the
	 * design systems set {@code style} attributes, Swagger UI too); scripts never
	 * @param permissionsPolicy browser features no Heima page uses
	 * @param referrerPolicy no URL (they can name a patient) leaves in a Referer header
	 */
	@ConfigurationProperties("heima.http.headers")
	record Properties(@DefaultValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
			+ "manifest-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'") String contentSecurityPolicy,
			@DefaultValue("accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
					+ "payment=(), usb=()") String permissionsPolicy,
			@DefaultValue("no-referrer") String referrerPolicy) {
	}

}
