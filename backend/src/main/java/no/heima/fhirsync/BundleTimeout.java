package no.heima.fhirsync;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.apache.ApacheHttpRequest;
import java.time.Duration;
import org.apache.http.client.config.RequestConfig;

/**
 * Gives the requests of the client it is registered on (write-back's transaction bundles)
 * a read time-out of their own. HAPI's client factory has one socket time-out for every
 * client of a {@code FhirContext}, and the context is shared; Apache's per-request
 * configuration replaces the client's default for that request only. Connecting and
 * waiting for a pooled connection keep the short time-out: a server that does not take
 * the connection is down, not slow.
 */
final class BundleTimeout implements IClientInterceptor {

	private final RequestConfig config;

	@SuppressWarnings("deprecation") // as HAPI's own default configuration does
	BundleTimeout(Duration connect, Duration read) {
		this.config = RequestConfig.custom()
			.setStaleConnectionCheckEnabled(true)
			.setConnectTimeout((int) connect.toMillis())
			.setConnectionRequestTimeout((int) connect.toMillis())
			.setSocketTimeout((int) read.toMillis())
			.build();
	}

	@Override
	public void interceptRequest(IHttpRequest request) {
		if (request instanceof ApacheHttpRequest apache) {
			apache.getApacheRequest().setConfig(this.config);
		}
	}

	@Override
	public void interceptResponse(IHttpResponse response) {
	}

	/** The read time-out the bundles get. */
	Duration read() {
		return Duration.ofMillis(this.config.getSocketTimeout());
	}

}
