package no.heima.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A bearer-token decoder that verifies a token's signature once and keeps the verified
 * token until it expires. Verifying an RSA signature (and Nimbus's constant-time Base64)
 * was a quarter of the CPU under ingest (issue 13), and a patient app or machine client
 * sends the same token with every call until it expires.
 * <p>
 * The key is the SHA-256 of the whole token string, so a different token (another
 * signature, another header, the same claims) is a miss and goes through the full
 * verification; a hit must also carry the very same token string. An entry lives at most
 * until the token's {@code exp} (no clock skew) and at most {@code maxAge}; on every hit
 * the expiry is checked against the clock again and all the validators (audience,
 * authorized party, issuer, type, lifetime) run again, which is cheap: only the signature
 * is not checked twice. Failures are never cached. Tokens without {@code exp} are not
 * cached.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

	private record Entry(byte[] token, Jwt jwt) {
	}

	private final ReactiveJwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Clock clock;

	private final Duration maxAge;

	private final Cache<String, Entry> cache;

	/**
	 * @param verifier the full check (signature and every validator)
	 * @param validator the validators, run again on every hit
	 * @param maxSize entries kept at most (least recently used go first)
	 * @param maxAge time an entry is kept at most, whatever the token's lifetime
	 */
	VerifiedTokenCache(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Clock clock, long maxSize,
			Duration maxAge) {
		this.verifier = verifier;
		this.validator = validator;
		this.clock = clock;
		this.maxAge = maxAge;
		this.cache = Caffeine.newBuilder().maximumSize(maxSize).expireAfter(new Expiry<String, Entry>() {
			@Override
			public long expireAfterCreate(String key, Entry entry, long currentTime) {
				return lifetime(entry.jwt()).toNanos();
			}

			@Override
			public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
				return lifetime(entry.jwt()).toNanos();
			}

			@Override
			public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
				return currentDuration;
			}
		}).build();
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		if (token == null) {
			return this.verifier.decode(token);
		}
		byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
		String key = sha256(bytes);
		Entry entry = this.cache.getIfPresent(key);
		if (entry != null && MessageDigest.isEqual(entry.token(), bytes)) {
			if (!this.clock.instant().isBefore(entry.jwt().getExpiresAt())) {
				this.cache.invalidate(key);
				return Mono.error(new BadJwtException("The token has expired"));
			}
			OAuth2TokenValidatorResult result = this.validator.validate(entry.jwt());
			if (result.hasErrors()) {
				this.cache.invalidate(key);
				return Mono.error(new JwtValidationException("The token is no longer valid", result.getErrors()));
			}
			return Mono.just(entry.jwt());
		}
		return this.verifier.decode(token).doOnNext((jwt) -> {
			if (jwt.getExpiresAt() != null && !lifetime(jwt).isZero()) {
				this.cache.put(key, new Entry(bytes, jwt));
			}
		});
	}

	/** Entries held now (for tests: the bound holds). */
	long size() {
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

	/** Until the token's expiry, and no longer than {@code maxAge}. */
	private Duration lifetime(Jwt jwt) {
		Instant expires = jwt.getExpiresAt();
		if (expires == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(this.clock.instant(), expires);
		if (left.isNegative()) {
			return Duration.ZERO;
		}
		return (left.compareTo(this.maxAge) < 0) ? left : this.maxAge;
	}

	private static String sha256(byte[] token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
