package no.heima.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms for one export: HMAC-SHA256 under the deployment's secret of the
 * export's own random salt and the value, shown as the first 128 bits in hex. The same
 * value gets the same pseudonym within one export (rows stay linkable) and another one in
 * the next export (exports cannot be joined); without the secret nobody can recompute
 * one, not even by trying every possible national identifier.
 */
final class Pseudonyms {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Mac mac;

	private final byte[] salt;

	Pseudonyms(String secret, byte[] salt) {
		try {
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		this.salt = salt.clone();
	}

	static byte[] newSalt() {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return salt;
	}

	synchronized String of(String value) {
		this.mac.update(this.salt);
		this.mac.update((byte) 0);
		byte[] digest = this.mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest, 0, 16);
	}

}
