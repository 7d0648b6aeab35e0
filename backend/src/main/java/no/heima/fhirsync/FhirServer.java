package no.heima.fhirsync;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.heima.fhir.FhirJson;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * The blocking HAPI client behind one gateway (callers run it on boundedElastic).
 * Classifies every failure: a server answer that can never succeed parks, anything else
 * (no answer, 5xx, 408, 409 from racing conditional creates, 429) is retried. Transaction
 * bundles go through {@link TransactionDelivery}.
 */
@Component
class FhirServer {

	private final FhirServerProperties properties;

	private final IGenericClient client;

	private final TransactionDelivery transactions;

	private final PatientIds patientIds;

	FhirServer(FhirServerProperties properties, FhirAuth auth) {
		this.properties = properties;
		this.patientIds = new PatientIds(properties.sync().patientCacheTtl(), 100_000);
		FhirContext context = FhirJson.context();
		context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		context.getRestfulClientFactory().setConnectTimeout((int) properties.sync().timeout().toMillis());
		context.getRestfulClientFactory().setSocketTimeout((int) properties.sync().timeout().toMillis());
		this.client = configured() ? context.newRestfulGenericClient(properties.baseUrl()) : null;
		if (this.client != null && auth.enabled()) {
			this.client.registerInterceptor(auth);
		}
		this.transactions = new TransactionDelivery(context, properties, auth, this);
	}

	boolean configured() {
		return this.properties.baseUrl() != null && !this.properties.baseUrl().isBlank();
	}

	/** Looks a patient up by national identifier. */
	Optional<Patient> findPatient(String system, String value) {
		Bundle found = this.client.search()
			.forResource(Patient.class)
			.where(Patient.IDENTIFIER.exactly().systemAndCode(system, value))
			.returnBundle(Bundle.class)
			// a JPA server caches searches for a minute: a patient registered seconds ago
			// must be found now, not after the row has waited (or parked) again
			.cacheControl(new ca.uhn.fhir.rest.api.CacheControlDirective().setNoCache(true))
			.execute();
		return found.getEntry().stream().map((e) -> (Patient) e.getResource()).findFirst();
	}

	/** Delivers claimed rows, one request each. */
	List<Delivery> deliverSingly(List<OutboxRow> rows) {
		Map<String, String> patients = new HashMap<>();
		List<Delivery> results = new ArrayList<>();
		for (OutboxRow row : rows) {
			try {
				DomainResource resource = prepare(row, patients, Map.of());
				String condition = row.resourceType() + "?" + row.condition();
				MethodOutcome outcome = row.upsert()
						? this.client.update().resource(resource).conditionalByUrl(condition).execute()
						: this.client.create().resource(resource).conditionalByUrl(condition).execute();
				results.add(Delivery.delivered(row, outcome.getId().toUnqualifiedVersionless().getValue()));
			}
			catch (RuntimeException ex) {
				if (ex instanceof BaseServerResponseException) {
					// the server refused it: the next try looks the patient up again
					forgetPatients(List.of(row));
				}
				results.add(failure(row, ex));
			}
		}
		return results;
	}

	/**
	 * Delivers claimed rows as one transaction bundle: all of them, or (on failure) none.
	 */
	List<Delivery> deliverAsTransaction(List<OutboxRow> rows) {
		return this.transactions.deliver(rows);
	}

	/**
	 * A row's resource ready to send: its subject the server's Patient, its references
	 * made literal ({@code inBundle} first).
	 */
	DomainResource prepare(OutboxRow row, Map<String, String> patients, Map<String, String> inBundle) {
		DomainResource resource = withSubject(row, patients);
		resolveReferences(resource, inBundle);
		return resource;
	}

	/** The next delivery of these rows looks their patients up again. */
	void forgetPatients(List<OutboxRow> rows) {
		this.patientIds
			.forget(rows.stream().map((row) -> PatientIds.key(row.patientSystem(), row.patientValue())).toList());
	}

	/**
	 * References Heima writes by type and identifier (an Observation's
	 * {@code derivedFrom} its QuestionnaireResponse) made literal, so they resolve and
	 * can be searched on the server: to the entry's {@code urn:uuid} when the target
	 * travels in the same transaction (the server rewrites it), else to the id the server
	 * has for that identifier. One it cannot find yet stays identifier-only.
	 */
	private void resolveReferences(DomainResource resource, Map<String, String> inBundle) {
		for (Reference reference : FhirJson.context()
			.newTerser()
			.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
			if (reference.hasReference() || !reference.hasType() || !reference.hasIdentifier()) {
				continue;
			}
			Identifier identifier = reference.getIdentifier();
			String key = reference.getType() + "|" + identifier.getSystem() + "|" + identifier.getValue();
			String local = inBundle.get(key);
			if (local != null) {
				reference.setReference(local);
				continue;
			}
			Bundle found = this.client.search()
				.forResource(reference.getType())
				.where(new ca.uhn.fhir.rest.gclient.TokenClientParam("identifier").exactly()
					.systemAndCode(identifier.getSystem(), identifier.getValue()))
				.returnBundle(Bundle.class)
				// a JPA server caches searches for a minute: the target may be seconds
				// old
				.cacheControl(new ca.uhn.fhir.rest.api.CacheControlDirective().setNoCache(true))
				.execute();
			if (!found.getEntry().isEmpty()) {
				reference.setReference(
						found.getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue());
			}
		}
	}

	/**
	 * The resource with {@code subject} pointing at the server's Patient (found by
	 * identifier, or created when allowed); a missing patient is a permanent failure.
	 */
	private DomainResource withSubject(OutboxRow row, Map<String, String> patients) {
		DomainResource resource = (DomainResource) FhirJson.context().newJsonParser().parseResource(row.resource());
		String key = PatientIds.key(row.patientSystem(), row.patientValue());
		String patientId = patients.computeIfAbsent(key, (k) -> this.patientIds.get(k).orElseGet(() -> {
			String found = patientId(row);
			this.patientIds.put(k, found);
			return found;
		}));
		Property subject = resource.getNamedProperty("subject");
		if (subject != null) {
			Reference reference = new Reference(patientId)
				.setIdentifier(new Identifier().setSystem(row.patientSystem()).setValue(row.patientValue()));
			resource.setProperty("subject", reference);
		}
		return resource;
	}

	private String patientId(OutboxRow row) {
		Optional<Patient> found = findPatient(row.patientSystem(), row.patientValue());
		if (found.isPresent()) {
			return found.get().getIdElement().toUnqualifiedVersionless().getValue();
		}
		if (!this.properties.sync().createMissingPatients()) {
			throw new MissingPatientException();
		}
		Patient patient = PatientResource.of(row.patientSystem(), row.patientValue(), row.patientGiven(),
				row.patientFamily(), row.patientBirthDate());
		MethodOutcome created = this.client.create()
			.resource(patient)
			.conditionalByUrl("Patient?identifier=" + row.patientSystem() + "|" + row.patientValue())
			.execute();
		return created.getId().toUnqualifiedVersionless().getValue();
	}

	Delivery failure(OutboxRow row, RuntimeException ex) {
		return failure(row, ex, this.properties.sync().missingPatientGrace(), java.time.Instant.now());
	}

	/**
	 * Which failures heal: a server that is down, slow, overloaded (429) or refused an
	 * expired token (401; the next request fetches a new one) is a server fault, retried
	 * once a probe sees it answer again. A patient (or 404) the server does not know yet
	 * is retried with capped backoff for {@code grace} after the row was queued, then
	 * parked. Other 4xx park at once.
	 */
	static Delivery failure(OutboxRow row, RuntimeException ex, java.time.Duration grace, java.time.Instant now) {
		boolean young = row.createdAt() == null || row.createdAt().isAfter(now.minus(grace));
		if (ex instanceof MissingPatientException) {
			String reason = "The FHIR server has no Patient with this identifier; register the patient there"
					+ " (or allow heima.fhir.sync.create-missing-patients)";
			return young ? Delivery.retry(row, reason + "; retried for " + grace + " after queueing")
					: Delivery.park(row, reason + " and retry");
		}
		if (ex instanceof BaseServerResponseException response) {
			int status = response.getStatusCode();
			String detail = status + " " + describe(response);
			if (serverFault(status)) {
				return Delivery.serverFault(row, detail);
			}
			if (status == 404 && young) {
				return Delivery.retry(row, detail);
			}
			return permanent(status) ? Delivery.park(row, detail) : Delivery.retry(row, detail);
		}
		return Delivery.serverFault(row, ex.getClass().getSimpleName() + ": " + ex.getMessage());
	}

	/** No answer (0), 5xx, 408, 429 or 401: the server, not the resource. */
	static boolean serverFault(int status) {
		return status < 200 || status >= 500 || status == 401 || status == 408 || status == 429;
	}

	/**
	 * Reads the CapabilityStatement: READY; UNAVAILABLE when the server cannot answer now
	 * (it may later); MISCONFIGURED when something answers, but not as a FHIR R4 server
	 * (a base URL without {@code /fhir}, a web page), which no retry heals.
	 */
	Map.Entry<FhirServerHealth.State, String> check() {
		try {
			org.hl7.fhir.r4.model.CapabilityStatement statement = this.client.capabilities()
				.ofType(org.hl7.fhir.r4.model.CapabilityStatement.class)
				.execute();
			String version = statement.hasFhirVersion() ? statement.getFhirVersion().toCode() : "4.0.1";
			if (!version.startsWith("4.0")) {
				return Map.entry(FhirServerHealth.State.MISCONFIGURED, "FHIR version " + version + " at "
						+ this.properties.baseUrl() + "; Heima writes R4 (4.0): check heima.fhir.base-url");
			}
			return Map.entry(FhirServerHealth.State.READY, "FHIR " + version + " at " + this.properties.baseUrl());
		}
		catch (BaseServerResponseException ex) {
			if (serverFault(ex.getStatusCode())) {
				return Map.entry(FhirServerHealth.State.UNAVAILABLE, ex.getStatusCode() + " " + describe(ex));
			}
			return Map.entry(FhirServerHealth.State.MISCONFIGURED,
					"No FHIR CapabilityStatement at " + this.properties.baseUrl() + "/metadata (" + ex.getStatusCode()
							+ "): check heima.fhir.base-url (it usually ends in /fhir)");
		}
		catch (ca.uhn.fhir.parser.DataFormatException | ClassCastException ex) {
			return Map.entry(FhirServerHealth.State.MISCONFIGURED, "Something answers at " + this.properties.baseUrl()
					+ "/metadata, but not with a FHIR CapabilityStatement: check heima.fhir.base-url");
		}
		catch (RuntimeException ex) {
			return Map.entry(FhirServerHealth.State.UNAVAILABLE,
					ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	/**
	 * 4xx that no retry can change; 408, 409 (a racing conditional create) and 429 are
	 * worth another try.
	 */
	static boolean permanent(int status) {
		return status >= 400 && status < 500 && status != 401 && status != 408 && status != 409 && status != 429;
	}

	/** The server's OperationOutcome as text, never the raw resource. */
	static String describe(BaseServerResponseException ex) {
		if (ex.getOperationOutcome() instanceof OperationOutcome outcome && outcome.hasIssue()) {
			return outcome.getIssue()
				.stream()
				.map((i) -> i.getSeverity() + " " + i.getCode() + ": " + i.getDiagnostics())
				.reduce((a, b) -> a + "; " + b)
				.orElse("");
		}
		return String.valueOf(ex.getMessage());
	}

	/**
	 * No Patient on the server for a row's identifier, and creating one is not allowed.
	 */
	static final class MissingPatientException extends RuntimeException {

		MissingPatientException() {
			super("patient not found on the FHIR server");
		}

	}

}
