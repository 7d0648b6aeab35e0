package no.heima.worklist;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live worklist streams ({@code GET /api/worklist/stream}).
 *
 * @param connections the streams' own database connections (a pool apart from the
 * requests' one, so a change reaches the nurses without waiting behind submissions): one
 * reads the changed items, one writes the audit rows
 * @param auditWindow how long the audit rows of all open streams are gathered before they
 * are written in one insert (every event is audited before it is sent)
 * @param maxPending changes kept for a stream that cannot take them yet; past that the
 * oldest are dropped and the stream is sent a {@code reload} event
 * @param batchSize at most this many changes are read, or audited for one stream, at a
 * time
 */
@ConfigurationProperties("heima.worklist.stream")
record WorklistStreamProperties(@DefaultValue("2") int connections, @DefaultValue("20ms") Duration auditWindow,
		@DefaultValue("10000") int maxPending, @DefaultValue("256") int batchSize) {

	static WorklistStreamProperties defaults() {
		return new WorklistStreamProperties(2, Duration.ofMillis(20), 10_000, 256);
	}

}
