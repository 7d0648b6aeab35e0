package no.heima.fhirsync;

import java.time.LocalDate;

/**
 * A FHIR resource to write: its JSON with {@code subject} given by the patient's
 * identifier (resolved to the server's Patient at delivery), the business identifier it
 * is created conditionally on, and enough of the patient to create one where that is
 * allowed.
 */
public record FhirOutboxMessage(String resourceType, String identifierSystem, String identifierValue,
		String resourceJson, String patientSystem, String patientValue, String patientGiven, String patientFamily,
		LocalDate patientBirthDate, int revision, boolean upsert) {

	/** A resource created once (conditional create on its identifier). */
	public FhirOutboxMessage(String resourceType, String identifierSystem, String identifierValue, String resourceJson,
			String patientSystem, String patientValue, String patientGiven, String patientFamily,
			LocalDate patientBirthDate) {
		this(resourceType, identifierSystem, identifierValue, resourceJson, patientSystem, patientValue, patientGiven,
				patientFamily, patientBirthDate, 0, false);
	}

	/**
	 * State {@code revision} of a resource that changes (conditional update on its
	 * identifier, delivered after every earlier revision).
	 */
	public static FhirOutboxMessage upsert(String resourceType, String identifierSystem, String identifierValue,
			String resourceJson, String patientSystem, String patientValue, int revision) {
		return new FhirOutboxMessage(resourceType, identifierSystem, identifierValue, resourceJson, patientSystem,
				patientValue, null, null, null, revision, true);
	}

}
