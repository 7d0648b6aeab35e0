package no.heima.patient;

/** The parts of a patient record the patient and their clinicians may change. */
public record ContactDetails(String phone, String email, String preferredLanguage) {
}
