package no.heima.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.DPoPProofContext;
import org.springframework.security.oauth2.jwt.DPoPProofJwtDecoderFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Heima's DPoP proofs as a provider checks them: decoded and validated by Spring
 * Security's own DPoP proof decoder (the one its resource servers and authorization
 * server use).
 */
class DPoPProofsTest {

	private static final String TOKEN_ENDPOINT = "https://helseid-sts.test.nhn.no/connect/token";

	private final DPoPProofs proofs = DPoPProofs.generated(Clock.systemUTC());

	@Test
	void aProofPassesSpringSecuritysVerifierForItsMethodAndTarget() throws Exception {
		String proof = this.proofs.proof(HttpMethod.POST, URI.create(TOKEN_ENDPOINT + "?ignored=1#fragment"));

		Jwt jwt = decoder(proof, "POST", TOKEN_ENDPOINT).decode(proof);

		assertThat(jwt.getHeaders()).containsEntry("typ", "dpop+jwt").containsEntry("alg", "ES256");
		@SuppressWarnings("unchecked")
		JWK publicKey = JWK.parse((Map<String, Object>) jwt.getHeaders().get("jwk"));
		assertThat(publicKey.isPrivate()).as("only the public key travels").isFalse();
		assertThat(publicKey.computeThumbprint().toString()).isEqualTo(this.proofs.thumbprint());
		assertThat(jwt.getClaimAsString("htu")).isEqualTo(TOKEN_ENDPOINT);
		assertThat(jwt.getClaims()).doesNotContainKey("nonce");
	}

	@Test
	void aProofIsForOneRequestOnly() throws Exception {
		String proof = this.proofs.proof(HttpMethod.POST, URI.create(TOKEN_ENDPOINT));
		assertThatThrownBy(() -> decoder(proof, "GET", TOKEN_ENDPOINT).decode(proof))
			.isInstanceOf(JwtValidationException.class);
		assertThatThrownBy(() -> decoder(proof, "POST", "https://elsewhere.example/token").decode(proof))
			.isInstanceOf(JwtValidationException.class);
		String another = this.proofs.proof(HttpMethod.POST, URI.create(TOKEN_ENDPOINT));
		assertThat(SignedJWT.parse(another).getJWTClaimsSet().getJWTID()).as("a fresh jti for each proof")
			.isNotBlank()
			.isNotEqualTo(SignedJWT.parse(proof).getJWTClaimsSet().getJWTID());
	}

	private static JwtDecoder decoder(String proof, String method, String target) {
		return new DPoPProofJwtDecoderFactory()
			.createDecoder(DPoPProofContext.withDPoPProof(proof).method(method).targetUri(target).build());
	}

}
