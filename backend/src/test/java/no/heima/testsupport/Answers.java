package no.heima.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Asserts that a GET answers 200 within a time limit. A request that hangs fails after
 * the limit rather than hanging the suite; so that one slow moment on a busy build
 * machine does not fail it, the request may be made three times and one answer in time is
 * enough (a hang misses all three). The system property {@code heima.it.answer-within} (a
 * duration, e.g. {@code 3s}) overrides every limit, for a machine known to be much slower
 * than the one the limits were set on.
 */
public final class Answers {

	private static final int ATTEMPTS = 3;

	private static final int MAX_BODY = 16 * 1024 * 1024;

	private Answers() {
	}

	public static <T> T within(Duration limit, WebTestClient client, String uri, Class<T> type) {
		Duration effective = effective(limit);
		IllegalStateException late = null;
		List<Long> millis = new ArrayList<>();
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			long started = System.nanoTime();
			try {
				T body = client.mutate()
					.responseTimeout(effective)
					// a full page of some lists is well over the default 256 KB
					.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY))
					.build()
					.get()
					.uri(uri)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(type)
					.returnResult()
					.getResponseBody();
				millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
				System.out.println("ANSWERED GET " + uri + " in " + millis + " ms");
				return body;
			}
			catch (IllegalStateException ex) {
				// WebTestClient's "Timeout on blocking read"; anything else is a failure
				// now
				if (!(ex.getCause() instanceof TimeoutException)) {
					throw ex;
				}
				millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
				late = ex;
			}
		}
		throw new AssertionError(
				"GET " + uri + " did not answer within " + effective + " in " + ATTEMPTS + " attempts " + millis, late);
	}

	private static Duration effective(Duration limit) {
		String override = System.getProperty("heima.it.answer-within");
		return (override == null || override.isBlank()) ? limit
				: Duration.parse("PT" + override.strip().toUpperCase(java.util.Locale.ROOT));
	}

}
