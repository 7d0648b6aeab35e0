package local.heima.fhir;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;

/**
 * Transaction and batch bundles of creates (conditional or not), as Heima's write-back
 * sends them. Entries are applied in order while holding one lock, so a transaction is
 * all-or-nothing against concurrent requests as long as every entry is valid (which is
 * checked first).
 */
public class TransactionProvider {

	private final Map<String, InMemoryResourceProvider<? extends DomainResource>> providers;

	private final Slowness slowness;

	TransactionProvider(Map<String, InMemoryResourceProvider<? extends DomainResource>> providers, Slowness slowness) {
		this.providers = providers;
		this.slowness = slowness;
	}

	/**
	 * A server that stores a transaction at once but answers late, in proportion to its
	 * entries (a slow-but-working server as a test wants it): a client whose read
	 * time-out runs out meanwhile has had its bundle stored all the same.
	 */
	static final class Slowness {

		private volatile java.time.Duration perEntry = java.time.Duration.ZERO;

		/** Entries of each transaction stored, in order. */
		private final java.util.List<Integer> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();

		void perEntry(java.time.Duration delay) {
			this.perEntry = delay;
		}

		java.util.List<Integer> sizes() {
			return java.util.List.copyOf(this.sizes);
		}

	}

	@Transaction
	public Bundle transaction(@TransactionParam Bundle request) {
		Bundle response = store(request);
		this.slowness.sizes.add(request.getEntry().size());
		long delay = this.slowness.perEntry.toMillis() * request.getEntry().size();
		if (delay > 0) {
			// after the store, outside its lock: other requests go on meanwhile
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return response;
	}

	private synchronized Bundle store(Bundle request) {
		for (Bundle.BundleEntryComponent entry : request.getEntry()) {
			Bundle.HTTPVerb method = entry.getRequest().getMethod();
			// PUT too (the conditional updates of Flags): refusing it refused every
			// bundle with a Flag in it, and write-back fell back to one request per row
			if ((method != Bundle.HTTPVerb.POST && method != Bundle.HTTPVerb.PUT)
					|| !(entry.getResource() instanceof DomainResource)
					|| !this.providers.containsKey(entry.getResource().fhirType())) {
				throw new InvalidRequestException(
						"Only POST and PUT of " + this.providers.keySet() + " are supported here");
			}
		}
		Bundle response = new Bundle();
		response.setType((request.getType() == Bundle.BundleType.BATCH) ? Bundle.BundleType.BATCHRESPONSE
				: Bundle.BundleType.TRANSACTIONRESPONSE);
		// As a FHIR server must (and HAPI JPA does): a reference to another entry's
		// urn:uuid fullUrl becomes a literal reference to what that entry created or
		// matched.
		Map<String, String> created = new java.util.HashMap<>();
		for (Bundle.BundleEntryComponent entry : request.getEntry()) {
			DomainResource resource = (DomainResource) entry.getResource();
			for (org.hl7.fhir.r4.model.Reference reference : ca.uhn.fhir.context.FhirContext.forR4Cached()
				.newTerser()
				.getAllPopulatedChildElementsOfType(resource, org.hl7.fhir.r4.model.Reference.class)) {
				if (reference.hasReference() && created.containsKey(reference.getReference())) {
					reference.setReference(created.get(reference.getReference()));
				}
			}
			MethodOutcome outcome;
			if (entry.getRequest().getMethod() == Bundle.HTTPVerb.PUT) {
				outcome = update(this.providers.get(resource.fhirType()), resource, entry.getRequest().getUrl());
			}
			else {
				String condition = entry.getRequest().hasIfNoneExist()
						? resource.fhirType() + "?" + entry.getRequest().getIfNoneExist() : null;
				outcome = create(this.providers.get(resource.fhirType()), resource, condition);
			}
			if (entry.hasFullUrl()) {
				created.put(entry.getFullUrl(), outcome.getId().toUnqualifiedVersionless().getValue());
			}
			response.addEntry()
				.getResponse()
				.setStatus(Boolean.TRUE.equals(outcome.getCreated()) ? "201 Created" : "200 OK")
				.setLocation(outcome.getId().getValue());
		}
		return response;
	}

	/** {@code url} is {@code Type?identifier=…} (conditional) or {@code Type/id}. */
	@SuppressWarnings("unchecked")
	private static <T extends DomainResource> MethodOutcome update(InMemoryResourceProvider<T> provider,
			DomainResource resource, String url) {
		boolean conditional = url.contains("?");
		return provider.update((T) resource, conditional ? null : new org.hl7.fhir.r4.model.IdType(url),
				conditional ? url : null);
	}

	@SuppressWarnings("unchecked")
	private static <T extends DomainResource> MethodOutcome create(InMemoryResourceProvider<T> provider,
			DomainResource resource, String condition) {
		return provider.create((T) resource, condition);
	}

}
