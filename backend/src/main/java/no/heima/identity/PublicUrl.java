package no.heima.identity;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Where browsers reach Heima ({@code heima.public-url}), for the URLs Heima hands to the
 * login provider ({@code redirect_uri}, {@code post_logout_redirect_uri}). Never taken
 * from the request's {@code Host} (or {@code X-Forwarded-Host}) header, which anyone can
 * forge. Only its scheme, host and port count (Heima serves from the root). Unset, it is
 * {@code http://localhost:<the port the request arrived on>}, right for the local run
 * only.
 */
@Component
class PublicUrl {

	private final URI configured;

	PublicUrl(@Value("${heima.public-url:}") String configured) {
		String trimmed = configured == null ? "" : configured.trim();
		this.configured = trimmed.isEmpty() ? null : URI.create(trimmed.replaceAll("/+$", ""));
		if (this.configured != null && (this.configured.getScheme() == null || this.configured.getHost() == null)) {
			throw new IllegalArgumentException("heima.public-url must be an absolute URL, e.g. https://heima.example");
		}
	}

	/** The base URL for this exchange: configured, else loopback on the local port. */
	URI base(ServerWebExchange exchange) {
		if (configured != null) {
			return configured;
		}
		var local = exchange.getRequest().getLocalAddress();
		int port = local == null ? 8080 : local.getPort();
		return URI.create("http://localhost:" + port);
	}

	/**
	 * The same exchange with its request URI moved onto the public base, so Spring
	 * Security's {@code {baseUrl}} expands to it.
	 */
	ServerWebExchange rebase(ServerWebExchange exchange) {
		URI base = base(exchange);
		URI original = exchange.getRequest().getURI();
		URI rebased = UriComponentsBuilder.fromUri(original)
			.scheme(base.getScheme())
			.host(base.getHost())
			.port(base.getPort())
			.build(true)
			.toUri();
		return exchange.mutate().request((request) -> request.uri(rebased)).build();
	}

	/**
	 * Spring Security's authorization requests, with {@code redirect_uri} on the public
	 * base.
	 */
	ServerOAuth2AuthorizationRequestResolver authorizationRequests(ServerOAuth2AuthorizationRequestResolver delegate) {
		return new ServerOAuth2AuthorizationRequestResolver() {

			@Override
			public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
				return delegate.resolve(rebase(exchange));
			}

			@Override
			public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String registrationId) {
				return delegate.resolve(rebase(exchange), registrationId);
			}

		};
	}

}
