package no.heima.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Verified bearer tokens kept until they expire, on real RS256 tokens. */
class VerifiedTokenCacheTest {

	private static final String ISSUER = "https://login.example";

	private static final ApiTokenProperties PROPERTIES = new ApiTokenProperties(List.of("heima-api"),
			List.of("heima-patient"));

	private final KeyPair issuerKey = rsa();

	// starts at the real time: the application's own validators (BearerTokens.validator)
	// check
	// the lifetime on the system clock too, so a fixed date here expires with the
	// calendar
	private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

	private final AtomicInteger verified = new AtomicInteger();

	private VerifiedTokenCache decoder;

	@BeforeEach
	void decoder() {
		this.decoder = decoder(100);
	}

	@Test
	void aTokenIsVerifiedOnceAndThenServedFromTheCache() {
		String token = sign(this.issuerKey, claims(Duration.ofMinutes(10)));
		assertThat(this.decoder.decode(token).block().getSubject()).isEqualTo("last1");
		assertThat(this.decoder.decode(token).block().getSubject()).isEqualTo("last1");
		assertThat(this.decoder.decode(token).block().getSubject()).isEqualTo("last1");
		assertThat(this.verified).hasValue(1);
	}

	@Test
	void anExpiredTokenIsRefusedEvenWhenCached() {
		String token = sign(this.issuerKey, claims(Duration.ofSeconds(30)));
		this.decoder.decode(token).block();
		assertThat(this.decoder.size()).isEqualTo(1);

		this.clock.move(Duration.ofSeconds(31));

		// the cache's own timer (real time) has not run out: the check on the hit refuses
		assertThatThrownBy(() -> this.decoder.decode(token).block()).isInstanceOf(JwtException.class)
			.hasMessageContaining("expired");
		// and the full verification refuses it too
		assertThatThrownBy(() -> this.decoder.decode(token).block()).isInstanceOf(JwtException.class);
		assertThat(this.verified).hasValue(2);
	}

	@Test
	void theCacheNeverKeepsATokenLongerThanItsMaximumAge() {
		VerifiedTokenCache shortLived = new VerifiedTokenCache(counting(verifier()), validator(), this.clock, 100,
				Duration.ofMillis(1));
		String token = sign(this.issuerKey, claims(Duration.ofMinutes(10)));
		shortLived.decode(token).block();
		sleep(Duration.ofMillis(20));
		shortLived.decode(token).block();
		assertThat(this.verified).hasValue(2);
	}

	@Test
	void anotherTokenWithTheSameClaimsIsVerifiedAnew() {
		JWTClaimsSet claims = claims(Duration.ofMinutes(10));
		String genuine = sign(this.issuerKey, claims);
		String forged = sign(rsa(), claims);
		this.decoder.decode(genuine).block();

		assertThatThrownBy(() -> this.decoder.decode(forged).block()).isInstanceOf(JwtException.class);
		assertThat(this.verified).hasValue(2);

		// same claims, another header: another token, verified on its own
		String typed = sign(this.issuerKey, claims, new JOSEObjectType("at+jwt"));
		assertThat(this.decoder.decode(typed).block().getSubject()).isEqualTo("last1");
		assertThat(this.verified).hasValue(3);
	}

	@Test
	void aTokenTheValidatorsRefuseIsNeverCached() {
		JWTClaimsSet other = new JWTClaimsSet.Builder(claims(Duration.ofMinutes(10))).audience("another-api").build();
		String token = sign(this.issuerKey, other);
		assertThatThrownBy(() -> this.decoder.decode(token).block()).isInstanceOf(JwtException.class);
		assertThatThrownBy(() -> this.decoder.decode(token).block()).isInstanceOf(JwtException.class);
		assertThat(this.verified).hasValue(2);
		assertThat(this.decoder.size()).isZero();
	}

	@Test
	void theCacheIsBounded() {
		VerifiedTokenCache small = decoder(3);
		for (int i = 0; i < 50; i++) {
			JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(Duration.ofMinutes(10))).subject("last" + i).build();
			small.decode(sign(this.issuerKey, claims)).block();
		}
		assertThat(small.size()).isLessThanOrEqualTo(3);
	}

	private VerifiedTokenCache decoder(long maxSize) {
		return new VerifiedTokenCache(counting(verifier()), validator(), this.clock, maxSize, Duration.ofMinutes(5));
	}

	private NimbusReactiveJwtDecoder verifier() {
		NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder
			.withPublicKey((RSAPublicKey) this.issuerKey.getPublic())
			.build();
		nimbus.setJwtValidator(validator());
		return nimbus;
	}

	/** The application's validators, with the lifetime checked on this test's clock. */
	private OAuth2TokenValidator<Jwt> validator() {
		JwtTimestampValidator lifetime = new JwtTimestampValidator(Duration.ZERO);
		lifetime.setClock(this.clock);
		return new DelegatingOAuth2TokenValidator<>(lifetime, BearerTokens.validator(ISSUER, PROPERTIES));
	}

	private ReactiveJwtDecoder counting(ReactiveJwtDecoder verifier) {
		return (token) -> {
			this.verified.incrementAndGet();
			return verifier.decode(token);
		};
	}

	private JWTClaimsSet claims(Duration lifetime) {
		Instant now = this.clock.instant();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("last1")
			.audience("heima-api")
			.claim("azp", "heima-patient")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(lifetime)))
			.build();
	}

	private static String sign(KeyPair key, JWTClaimsSet claims) {
		return sign(key, claims, null);
	}

	private static String sign(KeyPair key, JWTClaimsSet claims, JOSEObjectType type) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).build(), claims);
			jwt.sign(new RSASSASigner(key.getPrivate()));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void move(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
