package no.heima.reminder;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a browser does with a Web Push message (RFC 8291, aes128gcm of RFC 8188): holds a
 * subscription's keys and decrypts what arrives, so a test reads what the device would
 * show.
 */
final class WebPushReceiver {

	private final KeyPair keys;

	private final byte[] auth = new byte[16];

	WebPushReceiver() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		this.keys = generator.generateKeyPair();
		new SecureRandom().nextBytes(this.auth);
	}

	/** The subscription's {@code p256dh}: the uncompressed public key, base64url. */
	String p256dh() {
		return base64(uncompressed((ECPublicKey) this.keys.getPublic()));
	}

	String auth() {
		return base64(this.auth);
	}

	String decrypt(byte[] body) throws Exception {
		ByteBuffer in = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		in.get(salt);
		in.getInt();
		byte[] senderKey = new byte[in.get() & 0xff];
		in.get(senderKey);
		byte[] cipherText = new byte[in.remaining()];
		in.get(cipherText);

		KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
		ecdh.init(this.keys.getPrivate());
		ecdh.doPhase(publicKey(senderKey), true);
		byte[] shared = ecdh.generateSecret();
		byte[] receiverKey = uncompressed((ECPublicKey) this.keys.getPublic());
		byte[] prkKey = hmac(this.auth, shared);
		byte[] keyInfo = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] { 0 }, receiverKey,
				senderKey, new byte[] { 1 });
		byte[] ikm = hmac(prkKey, keyInfo);
		byte[] prk = hmac(salt, ikm);
		byte[] cek = Arrays.copyOf(hmac(prk, info("Content-Encoding: aes128gcm")), 16);
		byte[] nonce = Arrays.copyOf(hmac(prk, info("Content-Encoding: nonce")), 12);
		Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
		aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = aes.doFinal(cipherText);
		int end = padded.length - 1;
		while (end >= 0 && padded[end] == 0) {
			end--;
		}
		// the last record ends with the delimiter 0x02
		return new String(padded, 0, end, StandardCharsets.UTF_8);
	}

	private ECPublicKey publicKey(byte[] uncompressed) throws Exception {
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC")
			.generatePublic(new ECPublicKeySpec(point, ((ECPublicKey) this.keys.getPublic()).getParams()));
	}

	static byte[] uncompressed(ECPublicKey key) {
		return concat(new byte[] { 4 }, fixed(key.getW().getAffineX()), fixed(key.getW().getAffineY()));
	}

	static byte[] raw(ECPrivateKey key) {
		return fixed(key.getS());
	}

	static String base64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] fixed(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] out = new byte[32];
		int copy = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
		return out;
	}

	private static byte[] info(String label) {
		return concat(label.getBytes(StandardCharsets.US_ASCII), new byte[] { 0, 1 });
	}

	private static byte[] hmac(byte[] key, byte[] data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
	}

	private static byte[] concat(byte[]... parts) {
		int length = Arrays.stream(parts).mapToInt((p) -> p.length).sum();
		ByteBuffer out = ByteBuffer.allocate(length);
		for (byte[] part : parts) {
			out.put(part);
		}
		return out.array();
	}

}
