package no.heima.worklist;

import java.util.UUID;
import no.heima.patient.Patient;

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

		MEASUREMENT, RESPONSE, MISSING

	}

}
