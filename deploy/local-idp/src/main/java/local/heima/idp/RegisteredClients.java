package local.heima.idp;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/** Maps the configured clients onto Spring Authorization Server's registered clients. */
final class RegisteredClients {

	private RegisteredClients() {
	}

	static RegisteredClientRepository repository(List<LocalIdpProperties.Client> clients) {
		if (clients.isEmpty()) {
			throw new IllegalStateException("heima.local-idp.clients is empty: nothing could ever log in");
		}
		return new MapRepository(clients.stream()
			.map(RegisteredClients::toRegistered)
			.collect(Collectors.toConcurrentMap(RegisteredClient::getClientId, Function.identity())));
	}

	static RegisteredClient toRegistered(LocalIdpProperties.Client client) {
		boolean signed = client.jwkSetUrl() != null && !client.jwkSetUrl().isBlank();
		boolean confidential = signed || (client.clientSecret() != null && !client.clientSecret().isBlank());
		// the client id doubles as the internal id so logs and stored authorizations are
		// readable
		RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
			.clientId(client.clientId())
			// SAS 7 requires PKCE unless told otherwise; confidential BFF clients may opt
			// out, public ones never
			.clientSettings(signed
					? ClientSettings.builder()
						.requireProofKey(client.requirePkce())
						.requireAuthorizationConsent(false)
						.jwkSetUrl(client.jwkSetUrl())
						.tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS256)
						.build()
					: ClientSettings.builder()
						.requireProofKey(client.requirePkce() || !confidential)
						.requireAuthorizationConsent(false)
						.build());
		if (signed) {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
		}
		else if (confidential) {
			String secret = client.clientSecret();
			builder.clientSecret(secret.startsWith("{") ? secret : "{noop}" + secret)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		}
		else {
			// a browser-only (public) client: it can only prove itself with PKCE
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		client.grantTypes().forEach((grant) -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
		client.redirectUris().forEach(builder::redirectUri);
		client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
		client.scopes().forEach(builder::scope);
		return builder.build();
	}

	/**
	 * SAS's InMemoryRegisteredClientRepository refuses two clients with the same secret,
	 * but the demo clients deliberately share one; the internal id equals the client id,
	 * so one map serves both look-ups.
	 */
	private record MapRepository(Map<String, RegisteredClient> byClientId) implements RegisteredClientRepository {

		@Override
		public void save(RegisteredClient registeredClient) {
			// SAS saves a client again after its first authentication, with the {noop}
			// secret re-hashed
			this.byClientId.put(registeredClient.getClientId(), registeredClient);
		}

		@Override
		public RegisteredClient findById(String id) {
			return this.byClientId.get(id);
		}

		@Override
		public RegisteredClient findByClientId(String clientId) {
			return this.byClientId.get(clientId);
		}

	}

}
