package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import no.heima.testsupport.RawHttpConnection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The server library alone (no Spring): a kept-alive request that arrives while the
 * previous response is still in flight is buffered; when it is then answered at once, the
 * connection must go on reading. reactor-netty before the fix for its issue 4361 stopped
 * reading there, so the request after it hung forever.
 */
class KeptAliveReadTest {

	@Test
	void readingResumesAfterABufferedRequestIsAnsweredAtOnce() throws Exception {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.get("/slow",
						(request, response) -> response
							.sendString(Mono.delay(Duration.ofMillis(50)).thenReturn("slow")))
				.get("/quick", (request, response) -> response.sendString(Mono.just("quick"))))
			.bindNow();
		int hangs = 0;
		try {
			for (int round = 0; round < 20; round++) {
				try (RawHttpConnection connection = new RawHttpConnection("127.0.0.1", server.port())) {
					byte[] slow = connection.request("GET", "/slow", Map.of(), null);
					byte[] quick = connection.request("GET", "/quick", Map.of(), null);
					byte[] both = new byte[slow.length + quick.length];
					System.arraycopy(slow, 0, both, 0, slow.length);
					System.arraycopy(quick, 0, both, slow.length, quick.length);
					connection.write(both);
					assertThat(connection.read(Duration.ofSeconds(5)).bodyText()).isEqualTo("slow");
					assertThat(connection.read(Duration.ofSeconds(5)).bodyText()).isEqualTo("quick");
					connection.write(quick);
					try {
						assertThat(new String(connection.read(Duration.ofSeconds(2)).body(), StandardCharsets.UTF_8))
							.isEqualTo("quick");
					}
					catch (RawHttpConnection.Hang hang) {
						hangs++;
					}
				}
			}
		}
		finally {
			server.disposeNow();
		}
		System.out.println("KeptAliveReadTest: hangs in 20 rounds: " + hangs);
		assertThat(hangs).isZero();
	}

}
