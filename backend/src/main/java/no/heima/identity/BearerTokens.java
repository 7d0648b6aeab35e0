package no.heima.identity;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The API's bearer-token checks. Signature, issuer and lifetime alone would let in any
 * token of the issuer: the ID token of a browser login, or an access token the same
 * issuer minted for another application. So a token must also name Heima's API as its
 * audience, have been issued to one of Heima's clients, and not be an ID token.
 */
@Configuration
class BearerTokens {

	/** JWT {@code typ} headers of access tokens (RFC 9068) or untyped JWTs. */
	private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");

	@Bean
	ReactiveJwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
			ApiTokenProperties properties) {
		// discovery happens on first use, so start-up does not need the issuer
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
		OAuth2TokenValidator<Jwt> validator = validator(issuer, properties);
		decoder.setJwtValidator(validator);
		ApiTokenProperties.TokenCache cache = properties.tokenCache();
		if (cache.maxSize() <= 0 || cache.maxAge().isNegative() || cache.maxAge().isZero()) {
			return decoder;
		}
		return new VerifiedTokenCache(decoder, validator, Clock.systemUTC(), cache.maxSize(), cache.maxAge());
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, ApiTokenProperties properties) {
		// not JwtValidators' defaults: their type check refuses RFC 9068 access tokens
		// (typ at+jwt)
		return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new JwtIssuerValidator(issuer),
				BearerTokens::notIdToken, audience(properties.audiences()),
				authorizedParty(properties.authorizedParties()));
	}

	static OAuth2TokenValidator<Jwt> audience(List<String> audiences) {
		return (jwt) -> {
			List<String> aud = jwt.getAudience();
			boolean ours = aud != null && aud.stream().anyMatch(audiences::contains);
			return ours ? OAuth2TokenValidatorResult.success()
					: failure("The token is not meant for this API (audience " + aud + ")");
		};
	}

	static OAuth2TokenValidator<Jwt> authorizedParty(List<String> parties) {
		return (jwt) -> {
			if (parties.isEmpty()) {
				return OAuth2TokenValidatorResult.success();
			}
			String party = firstText(jwt, "azp", "client_id", "appid");
			return party != null && parties.contains(party) ? OAuth2TokenValidatorResult.success()
					: failure("The token was issued to a client this API does not accept (" + party + ")");
		};
	}

	/**
	 * ID tokens say who logged in to a client, not that the bearer may call an API: typed
	 * headers other than an access token's, Keycloak's {@code typ: ID} claim and OIDC's
	 * ID-token-only {@code nonce}/{@code at_hash} claims give one away.
	 */
	static OAuth2TokenValidatorResult notIdToken(Jwt jwt) {
		Object type = jwt.getHeaders().get("typ");
		boolean typedOther = type != null && !ACCESS_TOKEN_TYPES.contains(type.toString().toLowerCase(Locale.ROOT));
		boolean idClaims = "ID".equals(jwt.getClaimAsString("typ")) || jwt.hasClaim("nonce") || jwt.hasClaim("at_hash");
		return typedOther || idClaims ? failure("An ID token is not an access token")
				: OAuth2TokenValidatorResult.success();
	}

	private static String firstText(Jwt jwt, String... claims) {
		for (String claim : claims) {
			String value = jwt.getClaimAsString(claim);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
