package no.heima.identity;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import reactor.core.publisher.Mono;

/**
 * After login and logout, send the browser back to the app it came from: the patient app
 * and the clinician app log in through different client registrations (ID-porten vs
 * HelseID in production).
 */
class AppRedirects implements ServerAuthenticationSuccessHandler, ServerLogoutSuccessHandler {

	private final IdentityProperties properties;

	private final Map<String, OidcClientInitiatedServerLogoutSuccessHandler> logoutHandlers = new HashMap<>();

	private final DefaultServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

	private final PublicUrl publicUrl;

	AppRedirects(IdentityProperties properties, ReactiveClientRegistrationRepository registrations,
			PublicUrl publicUrl) {
		this.properties = properties;
		this.publicUrl = publicUrl;
		properties.clients().forEach((id, client) -> {
			var handler = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
			handler.setPostLogoutRedirectUri("{baseUrl}" + home(id));
			handler.setLogoutSuccessUrl(URI.create(home(id)));
			logoutHandlers.put(id, handler);
		});
	}

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
		return redirects.sendRedirect(exchange.getExchange(), URI.create(home(registrationOf(authentication))));
	}

	@Override
	public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
		var handler = logoutHandlers.get(registrationOf(authentication));
		if (handler == null) {
			return redirects.sendRedirect(exchange.getExchange(), URI.create("/"));
		}
		// {baseUrl} of the post-logout redirect: the public URL, never the Host header
		return handler.onLogoutSuccess(
				new WebFilterExchange(publicUrl.rebase(exchange.getExchange()), exchange.getChain()), authentication);
	}

	private String home(String registrationId) {
		IdentityProperties.Client client = registrationId == null ? null : properties.clients().get(registrationId);
		return client == null || client.home() == null ? "/" : client.home();
	}

	private static String registrationOf(Authentication authentication) {
		return authentication instanceof OAuth2AuthenticationToken login ? login.getAuthorizedClientRegistrationId()
				: null;
	}

}
