package no.heima.fhirsync;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers claimed rows as one transaction bundle, on a client of its own whose read
 * time-out ({@code bundle-timeout}) is longer than single requests'. A bundle of more
 * than one resource that runs past that time-out or is refused as too large is a slow
 * bundle, not a server fault: the worker sends smaller ones. Preparing each resource (its
 * patient, its references) and classifying failures stay with {@link FhirServer}.
 */
final class TransactionDelivery {

	private static final Logger log = LoggerFactory.getLogger(TransactionDelivery.class);

	/** The same server for transaction bundles; null when none is configured. */
	private final IGenericClient bundles;

	private final FhirServer server;

	/**
	 * Called while {@code server} is being built, after it has its properties and the
	 * context its time-outs.
	 */
	TransactionDelivery(FhirContext context, FhirServerProperties properties, FhirAuth auth, FhirServer server) {
		this.server = server;
		this.bundles = server.configured() ? context.newRestfulGenericClient(properties.baseUrl()) : null;
		if (this.bundles != null) {
			FhirServerProperties.Sync sync = properties.sync();
			this.bundles.registerInterceptor(new BundleTimeout(sync.timeout(), sync.bundleReadTimeout()));
			if (sync.bundleReadTimeout().compareTo(sync.bundleTimeout()) < 0) {
				log.warn("heima.fhir.sync.bundle-timeout {} is not well below the lease {}: bundles wait at most {}",
						sync.bundleTimeout(), sync.lease(), sync.bundleReadTimeout());
			}
			if (auth.enabled()) {
				this.bundles.registerInterceptor(auth);
			}
		}
	}

	/** All of the rows, or (on failure) none. */
	List<Delivery> deliver(List<OutboxRow> rows) {
		Map<String, String> patients = new HashMap<>();
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		List<OutboxRow> sent = new ArrayList<>();
		List<Delivery> results = new ArrayList<>();
		Map<String, String> inBundle = new HashMap<>();
		rows.forEach((row) -> inBundle.putIfAbsent(
				row.resourceType() + "|" + row.identifierSystem() + "|" + row.identifierValue(), fullUrl(row)));
		for (OutboxRow row : rows) {
			try {
				DomainResource resource = this.server.prepare(row, patients, inBundle);
				Bundle.BundleEntryRequestComponent request = bundle.addEntry()
					.setFullUrl(fullUrl(row))
					.setResource(resource)
					.getRequest();
				if (row.upsert()) {
					request.setMethod(Bundle.HTTPVerb.PUT).setUrl(row.resourceType() + "?" + row.condition());
				}
				else {
					request.setMethod(Bundle.HTTPVerb.POST).setUrl(row.resourceType()).setIfNoneExist(row.condition());
				}
				sent.add(row);
			}
			catch (RuntimeException ex) {
				results.add(this.server.failure(row, ex));
			}
		}
		if (sent.isEmpty()) {
			return results;
		}
		try {
			Bundle response = this.bundles.transaction().withBundle(bundle).execute();
			for (int i = 0; i < sent.size(); i++) {
				String location = response.getEntry().get(i).getResponse().getLocation();
				results.add(Delivery.delivered(sent.get(i),
						new org.hl7.fhir.r4.model.IdType(location).toUnqualifiedVersionless().getValue()));
			}
		}
		catch (RuntimeException ex) {
			if (sent.size() > 1 && slowOrTooLarge(ex)) {
				// the server answers, but not this much in time: a smaller bundle will
				// do (and what this one may have stored is matched when it is sent again)
				String detail = "transaction of " + sent.size() + ": " + explain(ex);
				sent.forEach((row) -> results.add(Delivery.slowBundle(row, detail)));
			}
			else if (ex instanceof BaseServerResponseException refused
					&& FhirServer.permanent(refused.getStatusCode())) {
				// one bad resource refuses the whole bundle: find it by sending them one
				// at a time, with the patients looked up afresh (a kept id may be stale)
				this.server.forgetPatients(sent);
				results.addAll(this.server.deliverSingly(sent));
			}
			else {
				sent.forEach((row) -> results.add(this.server.failure(row, ex)));
			}
		}
		return results;
	}

	/**
	 * A bundle the server may take when smaller: our read time-out ran out while the
	 * server had the request (connecting still worked), or the server (or a gateway)
	 * answered 408, 413 or 504. A refused or timed-out connection is a server fault.
	 */
	static boolean slowOrTooLarge(RuntimeException ex) {
		// HAPI's "no answer" (FhirClientConnectionException) is a response exception too,
		// with status 500: only its cause tells a read time-out from a refused connection
		if (ex instanceof BaseServerResponseException response
				&& !(ex instanceof ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException)) {
			int status = response.getStatusCode();
			return status == 408 || status == 413 || status == 504;
		}
		boolean readTimedOut = false;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.apache.http.conn.ConnectTimeoutException
					|| cause instanceof java.net.ConnectException) {
				return false;
			}
			readTimedOut |= cause instanceof java.net.SocketTimeoutException;
			if (cause.getCause() == cause) {
				break;
			}
		}
		return readTimedOut;
	}

	private static String explain(RuntimeException ex) {
		if (ex instanceof BaseServerResponseException response) {
			return response.getStatusCode() + " " + FhirServer.describe(response);
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	/**
	 * One per row (two revisions of one resource may share a batch, and a transaction
	 * must not hold one fullUrl twice).
	 */
	private static String fullUrl(OutboxRow row) {
		return "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(
				(row.id() + "|" + row.resourceType() + "|" + row.identifierSystem() + "|" + row.identifierValue())
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
