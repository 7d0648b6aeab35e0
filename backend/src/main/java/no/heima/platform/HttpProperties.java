package no.heima.platform;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on HTTP requests.
 *
 * @param requestTimeout how long a request may run before Heima cancels it and answers
 * with a {@code request-timeout} problem (503)
 * @param timeoutExempt paths of long-lived responses by design (server-sent events),
 * never cut off; a request that accepts {@code text/event-stream} is exempt too
 */
@ConfigurationProperties("heima.http")
record HttpProperties(@DefaultValue("30s") Duration requestTimeout,
		@DefaultValue("/api/worklist/stream") List<String> timeoutExempt) {
}
