package no.heima.identity;

/**
 * Heima's roles. ADMIN configures the clinic; it does not by itself grant access to
 * patients.
 */
public enum Role {

	PATIENT, CLINICIAN, ADMIN

}
