package no.heima.fhirsync;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Patient;

/**
 * The Patient Heima writes where the hospital's server lets it create one (identifier,
 * name, birth date, nothing else), and that cohort exports write too.
 */
public final class PatientResource {

	private PatientResource() {
	}

	public static Patient of(String system, String value, String given, String family, LocalDate birthDate) {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(system).setValue(value);
		patient.addName().setFamily(family).addGiven(given);
		if (birthDate != null) {
			patient.setBirthDate(java.sql.Date.valueOf(birthDate));
		}
		return patient;
	}

}
