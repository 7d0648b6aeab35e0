package no.heima.worklist;

import java.util.UUID;
import no.heima.patient.Patient;
import no.heima.triage.Assessment;

/**
 * What another feature reports when a submission needs a clinician: {@code sourceKey}
 * identifies the submission (or the missed task), so raising it twice is a no-op.
 *
 * @param level RED, YELLOW or MISSING
 * @param reasons the triage reasons (or the missed task) as JSON
 */
public record ItemRaised(Patient patient, UUID carePlanId, String team, Kind kind, String sourceKey, String activityId,
		String level, String summary, String reasons) {

	public enum Kind {

		MEASUREMENT, RESPONSE, MISSING,
		/**
		 * A submission that could not be triaged ("Kunne ikke vurderes"); never silent.
		 */
		UNASSESSED,
		/** A patient's message to the care team, waiting for an answer. */
		MESSAGE;

		/** UNASSESSED when triage failed, else the submission's own kind. */
		public static Kind of(Assessment triage, Kind submission) {
			return (triage.couldNotAssess() != null) ? UNASSESSED : submission;
		}

	}

	/** The item's summary line, with why it could not be assessed when it could not. */
	public static String summary(String values, Assessment triage) {
		if (triage.couldNotAssess() == null) {
			return values;
		}
		return "Kunne ikke vurderes / Could not assess (" + triage.couldNotAssess().cause() + "): "
				+ triage.couldNotAssess().detail() + " — " + values;
	}

}
