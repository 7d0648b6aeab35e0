package local.heima.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for an OpenTelemetry collector's OTLP/HTTP receiver: records what is posted
 * to {@code /v1/traces} (path and content type; the protobuf body is only counted).
 */
final class OtlpReceiver implements AutoCloseable {

	record Export(String path, String contentType, int bytes) {
	}

	private final HttpServer server;

	private final List<Export> exports = new CopyOnWriteArrayList<>();

	OtlpReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.exports.add(new Export(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Content-Type"), body.length));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.start();
	}

	String tracesEndpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/** What arrived, waiting up to {@code timeout} for the first export. */
	List<Export> awaitExports(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.exports.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		return List.copyOf(this.exports);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
