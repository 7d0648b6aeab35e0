package no.heima.fhirsync;

import java.time.Instant;
import java.time.LocalDate;

/** A claimed outbox row. */
record OutboxRow(long id, String resourceType, String identifierSystem, String identifierValue, String resource,
		String patientSystem, String patientValue, String patientGiven, String patientFamily,
		LocalDate patientBirthDate, int attempts, Instant createdAt, boolean upsert) {

	String condition() {
		return "identifier=" + this.identifierSystem + "|" + this.identifierValue;
	}

}
