package local.heima.deploy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client's key pair for {@code private_key_jwt}, as a hospital holds it for HelseID:
 * the private JWK in a mounted file the backend is pointed at, the public half published
 * at a JWK Set URL the login provider fetches.
 */
final class ClientKey implements AutoCloseable {

	private final RSAKey key;

	private final HttpServer jwks;

	private final AtomicInteger fetched = new AtomicInteger();

	ClientKey() throws IOException, JOSEException {
		this.key = new RSAKeyGenerator(2048).keyID("heima-clinician-test").generate();
		byte[] published = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		this.jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.jwks.createContext("/jwks.json", (exchange) -> {
			this.fetched.incrementAndGet();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, published.length);
			exchange.getResponseBody().write(published);
			exchange.close();
		});
		this.jwks.start();
	}

	String jwkSetUrl() {
		return "http://127.0.0.1:" + this.jwks.getAddress().getPort() + "/jwks.json";
	}

	/** Writes the private JWK where a Secret would be mounted; returns its location. */
	String mount(Path file) throws IOException {
		Files.writeString(file, this.key.toJSONString());
		return "file:" + file.toAbsolutePath();
	}

	/**
	 * How often the login provider fetched the public key (it does on every assertion
	 * check).
	 */
	int fetched() {
		return this.fetched.get();
	}

	@Override
	public void close() {
		this.jwks.stop(0);
	}

}
