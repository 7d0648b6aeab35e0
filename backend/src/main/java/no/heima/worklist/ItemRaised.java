package no.heima.worklist;

import org.springframework.modulith.NamedInterface;
import java.util.UUID;
import no.heima.pathway.ResponseTimes;
import no.heima.patient.Patient;
import no.heima.triage.Assessment;

/**
 * What another feature reports when a submission needs a clinician: {@code sourceKey}
 * identifies the submission (or the missed task), so raising it twice is a no-op.
 *
 * @param level RED, YELLOW or MISSING
 * @param reasons the triage reasons (or the missed task) as JSON
 * @param responseTimes the pathway's deadlines, or null for the worklist's defaults
 */
@NamedInterface("raise")
public record ItemRaised(Patient patient, UUID carePlanId, String team, Kind kind, String sourceKey, String activityId,
		String level, String summary, String reasons, ResponseTimes responseTimes) {

	/** An item with the worklist's default deadlines. */
	public ItemRaised(Patient patient, UUID carePlanId, String team, Kind kind, String sourceKey, String activityId,
			String level, String summary, String reasons) {
		this(patient, carePlanId, team, kind, sourceKey, activityId, level, summary, reasons, null);
	}

	public enum Kind {

		MEASUREMENT, RESPONSE, MISSING,
		/**
		 * A submission that could not be triaged ("Kunne ikke vurderes"); never silent.
		 */
		UNASSESSED,
		/** A patient's message to the care team, waiting for an answer. */
		MESSAGE,
		/** A care plan's evaluation day has come (the DHO "evaluate" step). */
		EVALUATION;

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
