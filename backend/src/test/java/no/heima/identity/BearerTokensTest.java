package no.heima.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The API's token checks one by one, on tokens built here. */
class BearerTokensTest {

	private static final ApiTokenProperties PROPERTIES = new ApiTokenProperties(List.of("heima-api"),
			List.of("heima-clinician", "heima-integration"));

	private static final String ISSUER = "https://login.example";

	@Test
	void anAccessTokenForHeimaFromAListedClientPasses() {
		assertThat(valid(token((c) -> {
		}, (h) -> {
		}))).isTrue();
		assertThat(valid(token((c) -> c.claims((m) -> m.remove("azp")).claim("client_id", "heima-integration"),
				(h) -> h.header("typ", "at+jwt"))))
			.isTrue();
	}

	@Test
	void theAudienceMustNameHeima() {
		assertThat(valid(token((c) -> c.audience(List.of("heima-clinician")), (h) -> {
		}))).isFalse();
		assertThat(valid(token((c) -> c.claims((m) -> m.remove("aud")), (h) -> {
		}))).isFalse();
	}

	@Test
	void theAuthorizedPartyMustBeListed() {
		assertThat(valid(token((c) -> c.claim("azp", "other-app"), (h) -> {
		}))).isFalse();
		assertThat(valid(token((c) -> c.claims((m) -> m.remove("azp")), (h) -> {
		}))).isFalse();
		var unchecked = new ApiTokenProperties(List.of("heima-api"), List.of());
		assertThat(BearerTokens.validator(ISSUER, unchecked)
			.validate(token((c) -> c.claims((m) -> m.remove("azp")), (h) -> {
			}))
			.hasErrors()).isFalse();
	}

	@Test
	void idTokensAreRefusedEvenWithHeimasAudience() {
		assertThat(valid(token((c) -> c.claim("nonce", "n-1"), (h) -> {
		}))).isFalse();
		assertThat(valid(token((c) -> c.claim("at_hash", "x"), (h) -> {
		}))).isFalse();
		assertThat(valid(token((c) -> c.claim("typ", "ID"), (h) -> {
		}))).isFalse();
		assertThat(valid(token((c) -> {
		}, (h) -> h.header("typ", "id_token+jwt")))).isFalse();
	}

	@Test
	void anotherIssuerIsRefused() {
		assertThat(valid(token((c) -> c.issuer("https://elsewhere.example"), (h) -> {
		}))).isFalse();
	}

	private static boolean valid(Jwt jwt) {
		return !BearerTokens.validator(ISSUER, PROPERTIES).validate(jwt).hasErrors();
	}

	private static Jwt token(Consumer<Jwt.Builder> claims, Consumer<Jwt.Builder> headers) {
		Instant now = Instant.now();
		Jwt.Builder builder = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.issuer(ISSUER)
			.subject("sykepleier1")
			.audience(List.of("heima-api"))
			.claim("azp", "heima-clinician")
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300));
		claims.accept(builder);
		headers.accept(builder);
		return builder.build();
	}

}
