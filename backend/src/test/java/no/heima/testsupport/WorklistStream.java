package no.heima.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/**
 * A clinician's live worklist ({@code /api/worklist/stream}) opened as a test would in a
 * browser. Returns only once the server has said "connected", so that a change the test
 * makes afterwards cannot be missed because the stream was not listening yet.
 */
public final class WorklistStream {

	private WorklistStream() {
	}

	/**
	 * Opens the stream and hands every event with data to {@code onEvent} (comments, such
	 * as "connected" and keep-alives, are not handed on).
	 * @param baseUrl the Heima instance
	 * @param user whose token opens it
	 * @param connectWithin how long the server may take to say "connected"
	 * @param onEvent called with each event, on the client's thread
	 * @return the open stream, to dispose of at the end
	 */
	public static Disposable open(String baseUrl, String user, Duration connectWithin,
			Consumer<ServerSentEvent<Map<String, Object>>> onEvent) {
		Sinks.One<Void> connected = Sinks.one();
		Disposable stream = WebClient.create(baseUrl)
			.get()
			.uri("/api/worklist/stream")
			.header("Authorization", "Bearer " + TestIdp.accessToken(user))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.subscribe((event) -> {
				if ("connected".equals(event.comment())) {
					connected.tryEmitEmpty();
				}
				else if (event.data() != null) {
					onEvent.accept(event);
				}
			});
		try {
			connected.asMono().block(connectWithin);
		}
		catch (RuntimeException ex) {
			stream.dispose();
			throw ex;
		}
		return stream;
	}

}
