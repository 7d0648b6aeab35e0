package no.heima.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import no.heima.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login redirect's {@code redirect_uri} comes from {@code heima.public-url} (here
 * unset: loopback on the server's own port), never from a forged {@code Host} or
 * {@code X-Forwarded-Host}; the session and CSRF cookies it sets are SameSite and
 * HttpOnly where JavaScript need not read them.
 */
class ForgedHostIT extends IntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void aForgedHostDoesNotReachTheRedirectUri() throws IOException {
		String response = rawGet("/oauth2/authorization/clinician",
				"Host: evil.example:6666\r\nX-Forwarded-Host: forwarded.evil.example\r\nX-Forwarded-Proto: https\r\n");
		assertThat(response).startsWith("HTTP/1.1 302");
		String location = header(response, "Location");
		String decoded = URLDecoder.decode(location, StandardCharsets.UTF_8);
		assertThat(decoded).contains("redirect_uri=http://localhost:" + port + "/login/oauth2/code/clinician")
			.doesNotContain("evil");
		assertThat(response.toLowerCase()).contains("set-cookie: session=")
			.containsPattern("(?i)set-cookie: session=[^\r\n]*samesite=lax")
			.containsPattern("(?i)set-cookie: session=[^\r\n]*httponly");
	}

	@Test
	void thePostLogoutRedirectIgnoresTheHostToo() {
		PublicUrl configured = new PublicUrl("https://heima.example/");
		assertThat(configured.base(null).toString()).isEqualTo("https://heima.example");
	}

	private String rawGet(String path, String headers) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(15000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			return all.toString(StandardCharsets.ISO_8859_1);
		}
	}

	private static String header(String response, String name) {
		for (String line : response.split("\r\n")) {
			if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
				return line.substring(name.length() + 1).trim();
			}
		}
		throw new AssertionError("no " + name + " in " + response);
	}

}
