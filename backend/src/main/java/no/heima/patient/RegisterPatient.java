package no.heima.patient;

/**
 * A request to register a patient; {@code team} defaults to the clinician's first team.
 */
public record RegisterPatient(String identifier, String givenName, String familyName, String phone, String email,
		String preferredLanguage, String team) {
}
