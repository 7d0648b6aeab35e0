package no.heima.identity;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.authentication.ReactiveOidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoderFactory;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.BodyExtractor;
import org.springframework.web.reactive.function.BodyExtractors;
import reactor.core.publisher.Mono;

/**
 * What national identity providers ask of a login, per client registration
 * ({@code heima.identity.clients.<registration>.login}): PKCE and {@code acr_values} in
 * the authorization request (ID-porten, HelseID), the ID token's {@code acr} checked
 * against the accepted assurance levels, and {@code private_key_jwt} client
 * authentication with a key from the environment or a mounted file (HelseID). Spring
 * Security's login picks these beans up.
 */
@Configuration(proxyBeanMethods = false)
class ProviderLogins {

	static final String INSUFFICIENT_ACR = "insufficient_user_authentication";

	@Bean
	ServerOAuth2AuthorizationRequestResolver authorizationRequestResolver(
			ReactiveClientRegistrationRepository registrations, IdentityProperties properties) {
		DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(
				registrations);
		resolver.setAuthorizationRequestCustomizer(authorizationRequest(properties));
		return resolver;
	}

	/** PKCE and {@code acr_values}, for the registrations that ask for them. */
	static Consumer<OAuth2AuthorizationRequest.Builder> authorizationRequest(IdentityProperties properties) {
		Consumer<OAuth2AuthorizationRequest.Builder> pkce = OAuth2AuthorizationRequestCustomizers.withPkce();
		return (builder) -> {
			String[] registrationId = new String[1];
			builder.attributes(
					(attributes) -> registrationId[0] = (String) attributes.get(OAuth2ParameterNames.REGISTRATION_ID));
			IdentityProperties.Client client = (registrationId[0] != null) ? properties.clients().get(registrationId[0])
					: null;
			if (client == null) {
				return;
			}
			if (client.login().pkce()) {
				pkce.accept(builder);
			}
			String acrValues = client.login().acrValues();
			if (acrValues != null && !acrValues.isBlank()) {
				builder.additionalParameters((parameters) -> parameters.put("acr_values", acrValues));
			}
		};
	}

	@Bean
	ReactiveJwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(IdentityProperties properties) {
		ReactiveOidcIdTokenDecoderFactory factory = new ReactiveOidcIdTokenDecoderFactory();
		factory.setJwtValidatorFactory((registration) -> new DelegatingOAuth2TokenValidator<>(
				new OidcIdTokenValidator(registration), acrValidator(properties, registration.getRegistrationId())));
		return factory;
	}

	/**
	 * The ID token's {@code acr} must be an accepted level, when levels are configured.
	 */
	static OAuth2TokenValidator<Jwt> acrValidator(IdentityProperties properties, String registrationId) {
		IdentityProperties.Client client = properties.clients().get(registrationId);
		return (token) -> {
			String acr = token.getClaimAsString("acr");
			if (client == null || client.login().acceptedAcr().isEmpty()
					|| (acr != null && client.login().acceptedAcr().contains(acr))) {
				return OAuth2TokenValidatorResult.success();
			}
			return OAuth2TokenValidatorResult
				.failure(new OAuth2Error(INSUFFICIENT_ACR, "The login's assurance level (acr "
						+ token.getClaimAsString("acr") + ") is not one of " + client.login().acceptedAcr(), null));
		};
	}

	@Bean
	ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient(
			IdentityProperties properties) {
		WebClientReactiveAuthorizationCodeTokenResponseClient client = tokenClient(properties);
		if (properties.clients().values().stream().noneMatch((configured) -> configured.login().dpop())) {
			return client;
		}
		// DPoP, only for the registrations that ask for it (the others keep the client
		// above, unchanged): a proof in each token request; a provider that wants its
		// nonce in the proof says so with use_dpop_nonce and a DPoP-Nonce header, and the
		// request is made once more (a new client assertion and proof, now with the
		// nonce)
		DPoPProofs proofs = DPoPProofs.generated(Clock.systemUTC());
		WebClientReactiveAuthorizationCodeTokenResponseClient bound = tokenClient(properties);
		bound.setWebClient(WebClient.builder().filter(proofs.nonceKeeper()).build());
		bound.setBodyExtractor(tokenResponses());
		bound.addHeadersConverter((request) -> {
			HttpHeaders headers = new HttpHeaders();
			ClientRegistration registration = request.getClientRegistration();
			headers.set(DPoPProofs.HEADER,
					proofs.proof(HttpMethod.POST, URI.create(registration.getProviderDetails().getTokenUri())));
			return headers;
		});
		return (request) -> {
			if (!dpop(properties, request.getClientRegistration().getRegistrationId())) {
				return client.getTokenResponse(request);
			}
			return bound.getTokenResponse(request)
				.onErrorResume(
						(ex) -> ex instanceof OAuth2AuthorizationException refused
								&& DPoPProofs.USE_DPOP_NONCE.equals(refused.getError().getErrorCode()),
						(ex) -> bound.getTokenResponse(request));
		};
	}

	/** Spring's token client, with signed client assertions where a key is configured. */
	private static WebClientReactiveAuthorizationCodeTokenResponseClient tokenClient(IdentityProperties properties) {
		WebClientReactiveAuthorizationCodeTokenResponseClient client = new WebClientReactiveAuthorizationCodeTokenResponseClient();
		Map<String, JWK> keys = privateKeys(properties);
		if (!keys.isEmpty()) {
			NimbusJwtClientAuthenticationParametersConverter<OAuth2AuthorizationCodeGrantRequest> signed = new NimbusJwtClientAuthenticationParametersConverter<>(
					(registration) -> keys.get(registration.getRegistrationId()));
			signed.setJwtClientAssertionCustomizer((context) -> {
				ClientRegistration registration = context.getAuthorizationGrantRequest().getClientRegistration();
				IdentityProperties.Client configured = properties.clients().get(registration.getRegistrationId());
				if (configured != null && "issuer".equals(configured.login().assertionAudience())) {
					context.getClaims().audience(List.of(registration.getProviderDetails().getIssuerUri()));
				}
			});
			client.addParametersConverter(signed);
		}
		return client;
	}

	/**
	 * Token responses read by Spring's
	 * {@link DefaultMapOAuth2AccessTokenResponseConverter}, which knows
	 * {@code token_type: DPoP}: the reactive client's own body extractor (Spring Security
	 * 7.0) turns every type but Bearer into null and fails. Error responses become
	 * {@link OAuth2AuthorizationException}s, as there.
	 */
	static BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> tokenResponses() {
		DefaultMapOAuth2AccessTokenResponseConverter converter = new DefaultMapOAuth2AccessTokenResponseConverter();
		BodyExtractor<Mono<Map<String, Object>>, ReactiveHttpInputMessage> json = BodyExtractors
			.toMono(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		return (input, context) -> json.extract(input, context)
			.switchIfEmpty(Mono.error(() -> new OAuth2AuthorizationException(
					new OAuth2Error("invalid_token_response", "Empty token response", null))))
			.map((body) -> {
				Object error = body.get(OAuth2ParameterNames.ERROR);
				if (error != null) {
					throw new OAuth2AuthorizationException(
							new OAuth2Error(error.toString(), (String) body.get(OAuth2ParameterNames.ERROR_DESCRIPTION),
									(String) body.get(OAuth2ParameterNames.ERROR_URI)));
				}
				return converter.convert(body);
			});
	}

	/**
	 * Spring's OIDC user service, except for DPoP logins: their access token is bound to
	 * a key, so the user is read from the ID token alone (no userinfo request with it as
	 * a bearer token).
	 */
	@Bean
	ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(IdentityProperties properties) {
		OidcReactiveOAuth2UserService service = new OidcReactiveOAuth2UserService();
		return (request) -> {
			ClientRegistration registration = request.getClientRegistration();
			if (!dpop(properties, registration.getRegistrationId())) {
				return service.loadUser(request);
			}
			ClientRegistration withoutUserInfo = ClientRegistration.withClientRegistration(registration)
				.userInfoUri(null)
				.build();
			return service.loadUser(new OidcUserRequest(withoutUserInfo, request.getAccessToken(), request.getIdToken(),
					request.getAdditionalParameters()));
		};
	}

	private static boolean dpop(IdentityProperties properties, String registrationId) {
		IdentityProperties.Client configured = properties.clients().get(registrationId);
		return configured != null && configured.login().dpop();
	}

	/** The configured private keys by registration id; each must be a private JWK. */
	static Map<String, JWK> privateKeys(IdentityProperties properties) {
		Map<String, JWK> keys = new HashMap<>();
		properties.clients().forEach((registrationId, client) -> {
			String key = client.login().privateKey();
			if (key == null || key.isBlank()) {
				return;
			}
			JWK jwk = parse(key.strip().startsWith("{") ? key : read(key), registrationId);
			if (!jwk.isPrivate() || jwk.getKeyID() == null) {
				throw new IllegalStateException("heima.identity.clients." + registrationId
						+ ".login.private-key must be a private JWK with a kid");
			}
			keys.put(registrationId, jwk);
		});
		return keys;
	}

	private static JWK parse(String json, String registrationId) {
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(
					"heima.identity.clients." + registrationId + ".login.private-key is not a JWK: " + ex.getMessage());
		}
	}

	private static String read(String location) {
		try {
			return new DefaultResourceLoader().getResource(location).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the private key at " + location, ex);
		}
	}

}
