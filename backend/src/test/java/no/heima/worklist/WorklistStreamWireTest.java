package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.ServerSentEventHttpMessageWriter;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Flux;

/**
 * What the worklist stream puts on the wire: a browser's EventSource dispatches an event
 * only when it has data, so reload carries some; a change carries the item and its id.
 */
class WorklistStreamWireTest {

	@Test
	void reloadIsANamedEventWithData() {
		assertThat(wire(LiveFeed.Pushed.RELOAD)).isEqualTo("event:reload\ndata:{\"reload\":true}\n\n");
	}

	@Test
	void aChangeCarriesTheItem() {
		UUID id = UUID.randomUUID();
		Instant raised = Instant.parse("2026-12-02T12:00:00Z");
		WorklistItem item = new WorklistItem(id, UUID.randomUUID(), "Kari Nordvik", null, "hjerte", "MEASUREMENT",
				"m-1", "bp", "RED", "Blodtrykk 182/110", null, raised, raised.plusSeconds(7200), false, "OPEN", null,
				null, null, null, null, null, null, null, null, 1);
		String text = wire(new LiveFeed.Pushed("raised", item));
		assertThat(text).startsWith("id:" + id + "\nevent:raised\ndata:{").contains("\"sourceKey\":\"m-1\"");
	}

	private static String wire(LiveFeed.Pushed pushed) {
		MockServerHttpResponse response = new MockServerHttpResponse();
		new ServerSentEventHttpMessageWriter(new JacksonJsonEncoder())
			.write(Flux.just(WorklistController.event(pushed)),
					ResolvableType.forClassWithGenerics(ServerSentEvent.class, Object.class),
					MediaType.TEXT_EVENT_STREAM, response, Map.of())
			.block(Duration.ofSeconds(5));
		return response.getBodyAsString().block(Duration.ofSeconds(5));
	}

}
