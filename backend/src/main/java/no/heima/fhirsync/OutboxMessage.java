package no.heima.fhirsync;

import java.time.LocalDate;

/**
 * A FHIR resource to write: its JSON with {@code subject} given by the patient's
 * identifier (resolved to the server's Patient at delivery), the business identifier it
 * is created conditionally on, and enough of the patient to create one where that is
 * allowed.
 */
public record OutboxMessage(String resourceType, String identifierSystem, String identifierValue, String resourceJson,
		String patientSystem, String patientValue, String patientGiven, String patientFamily,
		LocalDate patientBirthDate) {

}
