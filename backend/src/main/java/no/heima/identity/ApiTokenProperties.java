package no.heima.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which bearer tokens the API takes, beyond signature, issuer ({@code HEIMA_API_ISSUER})
 * and lifetime.
 *
 * @param audiences a token's {@code aud} must name one of these: an ID token (whose
 * audience is the login client) or a token minted for another API of the same issuer is
 * refused
 * @param authorizedParties the clients a token may have been issued to ({@code azp}, else
 * RFC 9068's {@code client_id}, else Entra's {@code appid}); empty: not checked
 * @param tokenCache how verified tokens are kept until they expire
 */
@ConfigurationProperties("heima.api")
record ApiTokenProperties(@DefaultValue("heima-api") List<String> audiences, @DefaultValue( {
		"heima-patient", "heima-clinician", "heima-integration" }) List<String> authorizedParties,
		@DefaultValue TokenCache tokenCache){

	@ConstructorBinding
	ApiTokenProperties {
		audiences = audiences == null ? List.of() : List.copyOf(audiences);
		authorizedParties = authorizedParties == null ? List.of() : List.copyOf(authorizedParties);
		tokenCache = tokenCache == null ? new TokenCache(10_000, Duration.ofMinutes(5)) : tokenCache;
	}

	ApiTokenProperties(List<String> audiences, List<String> authorizedParties) {
		this(audiences, authorizedParties, null);
	}

	/**
	 * Verified bearer tokens kept so their signature is checked once, not on every call.
	 *
	 * @param maxSize tokens kept at most; 0 switches the cache off
	 * @param maxAge time one is kept at most (never past its {@code exp})
	 */
	record TokenCache(@DefaultValue("10000") long maxSize, @DefaultValue("5m") Duration maxAge) {

	}

}
