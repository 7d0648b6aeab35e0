package no.heima.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bulk export as stored: what was asked, and how far it has come. */
record BulkJob(UUID id, Status status, String requestUrl, List<String> types, Instant since, String team, UUID pathway,
		boolean pseudonymise, byte[] salt, Instant transactionTime, Integer patientsTotal, int patientsDone,
		String error) {

	enum Status {

		ACCEPTED, RUNNING, COMPLETED, FAILED, CANCELLED

	}

	/** The resource types an export can hold, in the order they are written. */
	static final List<String> TYPES = List.of("Patient", "Observation", "QuestionnaireResponse", "Flag");

	Cohort cohort() {
		return new Cohort(this.team, this.pathway, null, null);
	}

	/** For {@code X-Progress}: at most 100 characters, as the Bulk Data IG asks. */
	String progress() {
		if (this.status == Status.ACCEPTED) {
			return "waiting to start";
		}
		return (this.patientsTotal == null) ? "starting"
				: "patients " + this.patientsDone + " of " + this.patientsTotal;
	}

}
