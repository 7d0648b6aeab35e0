package no.heima.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * DPoP proofs (RFC 9449) for the token requests of logins whose provider binds access
 * tokens to a key (HelseID): a JWT of type {@code dpop+jwt} carrying the public key,
 * {@code htm}, {@code htu}, {@code iat}, a fresh {@code jti} and, once the provider has
 * handed one out, its {@code nonce}. Signed with Spring Security's
 * {@link NimbusJwtEncoder}; the key is this instance's own (EC P-256), as Heima uses the
 * access token for nothing but the login itself.
 */
final class DPoPProofs {

	static final String HEADER = "DPoP";

	static final String NONCE_HEADER = "DPoP-Nonce";

	/** The token endpoint's error asking for a retry with its nonce (RFC 9449 §8). */
	static final String USE_DPOP_NONCE = "use_dpop_nonce";

	private final JWK key;

	private final JwtEncoder encoder;

	private final SignatureAlgorithm algorithm;

	private final Clock clock;

	/** The last nonce each server (scheme, host, port) handed out. */
	private final Map<String, String> nonces = new ConcurrentHashMap<>();

	DPoPProofs(JWK key, Clock clock) {
		if (!key.isPrivate()) {
			throw new IllegalArgumentException("a DPoP key must be private");
		}
		this.key = key;
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		this.algorithm = KeyType.EC.equals(key.getKeyType()) ? SignatureAlgorithm.ES256 : SignatureAlgorithm.RS256;
		this.clock = clock;
	}

	/** A new key for this instance. */
	static DPoPProofs generated(Clock clock) {
		try {
			return new DPoPProofs(new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate(),
					clock);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate a DPoP key", ex);
		}
	}

	/**
	 * A proof for one request to {@code target}, with the nonce its server last gave, if
	 * any.
	 */
	String proof(HttpMethod method, URI target) {
		URI htu = UriComponentsBuilder.fromUri(target).replaceQuery(null).fragment(null).build(true).toUri();
		JwsHeader header = JwsHeader.with(this.algorithm)
			.type("dpop+jwt")
			.jwk(this.key.toPublicJWK().toJSONObject())
			.build();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.id(UUID.randomUUID().toString())
			.issuedAt(this.clock.instant())
			.claim("htm", method.name())
			.claim("htu", htu.toString());
		String nonce = this.nonces.get(origin(target));
		if (nonce != null) {
			claims.claim("nonce", nonce);
		}
		return this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	/** Keeps the {@code DPoP-Nonce} each server sends for the next proof to it. */
	ExchangeFilterFunction nonceKeeper() {
		return (request, next) -> next.exchange(request).doOnNext((response) -> {
			String nonce = response.headers().asHttpHeaders().getFirst(NONCE_HEADER);
			if (nonce != null && !nonce.isBlank() && request.headers().containsHeader(HEADER)) {
				this.nonces.put(origin(request.url()), nonce);
			}
		});
	}

	/** The key's JWK SHA-256 thumbprint: the {@code cnf.jkt} of a token bound to it. */
	String thumbprint() {
		try {
			return this.key.computeThumbprint().toString();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
	}

}
