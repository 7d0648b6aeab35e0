package local.heima.idp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The one place that turns configured users and machine clients into claims, so the ID
 * token, the access token and the userinfo response can never disagree about who someone
 * is.
 */
final class DemoDirectory implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final Map<String, LocalIdpProperties.User> users;

	private final Map<String, LocalIdpProperties.Client> clients;

	DemoDirectory(LocalIdpProperties properties) {
		this.users = properties.users()
			.stream()
			.collect(Collectors.toMap(LocalIdpProperties.User::username, Function.identity()));
		this.clients = properties.clients()
			.stream()
			.collect(Collectors.toMap(LocalIdpProperties.Client::clientId, Function.identity()));
	}

	InMemoryUserDetailsManager userDetailsManager() {
		InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
		this.users.values().forEach((user) -> manager.createUser(toUserDetails(user)));
		return manager;
	}

	private static UserDetails toUserDetails(LocalIdpProperties.User user) {
		// an encoding prefix in the configured value ({bcrypt}...) wins; plain demo
		// passwords are stored as-is
		String password = user.password().startsWith("{") ? user.password() : "{noop}" + user.password();
		return User.withUsername(user.username()).password(password).roles(user.roles().toArray(String[]::new)).build();
	}

	@Override
	public void customize(JwtEncodingContext context) {
		String tokenType = context.getTokenType().getValue();
		if (!OidcParameterNames.ID_TOKEN.equals(tokenType)
				&& !OAuth2TokenType.ACCESS_TOKEN.getValue().equals(tokenType)) {
			return;
		}
		Map<String, Object> claims = AuthorizationGrantType.CLIENT_CREDENTIALS
			.equals(context.getAuthorizationGrantType()) ? clientClaims(context.getRegisteredClient().getClientId())
					: userClaims(context.getPrincipal().getName());
		claims.forEach((name, value) -> context.getClaims().claim(name, value));
		// the assurance level asked for (acr_values), reached: every demo login counts as
		// "high", as ID-porten answers with the level of the login that took place
		if (OidcParameterNames.ID_TOKEN.equals(tokenType) && context.getAuthorization() != null) {
			OAuth2AuthorizationRequest request = context.getAuthorization()
				.getAttribute(OAuth2AuthorizationRequest.class.getName());
			Object acrValues = (request != null) ? request.getAdditionalParameters().get("acr_values") : null;
			if (acrValues instanceof String requested && !requested.isBlank()) {
				context.getClaims().claim("acr", requested.trim().split("\\s+")[0]);
			}
		}
		if (OAuth2TokenType.ACCESS_TOKEN.getValue().equals(tokenType)) {
			accessTokenParty(context);
		}
	}

	/**
	 * An access token names the API it is for ({@code aud}) and the client it was issued
	 * to ({@code azp}, and RFC 9068's {@code client_id}), so an API can refuse a token
	 * minted for another client of this issuer; an ID token keeps the client as its
	 * audience.
	 */
	private void accessTokenParty(JwtEncodingContext context) {
		String clientId = context.getRegisteredClient().getClientId();
		LocalIdpProperties.Client client = this.clients.get(clientId);
		if (client != null && !client.audiences().isEmpty()) {
			context.getClaims().audience(client.audiences());
		}
		context.getClaims().claim("azp", clientId);
		context.getClaims().claim("client_id", clientId);
	}

	/**
	 * Mapper for the userinfo endpoint: the same claims as the tokens, whatever scopes
	 * were granted.
	 */
	OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
		String username = context.getAuthorization().getPrincipalName();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", username);
		claims.putAll(userClaims(username));
		return new OidcUserInfo(claims);
	}

	Map<String, Object> userClaims(String username) {
		LocalIdpProperties.User user = this.users.get(username);
		Map<String, Object> claims = new LinkedHashMap<>();
		if (user == null) {
			return claims;
		}
		claims.put("preferred_username", user.username());
		putIfPresent(claims, "name", user.name());
		putIfPresent(claims, "given_name", user.givenName());
		putIfPresent(claims, "family_name", user.familyName());
		putIfPresent(claims, "pid", user.pid());
		claims.put("roles", user.roles());
		claims.put("teams", user.teams());
		putIfPresent(claims, "locale", user.locale());
		return claims;
	}

	Map<String, Object> clientClaims(String clientId) {
		LocalIdpProperties.Client client = this.clients.get(clientId);
		Map<String, Object> claims = new LinkedHashMap<>();
		if (client != null) {
			claims.put("roles", client.roles());
			claims.put("teams", client.teams());
		}
		return claims;
	}

	private static void putIfPresent(Map<String, Object> claims, String name, String value) {
		if (value != null && !value.isBlank()) {
			claims.put(name, value);
		}
	}

}
