package no.heima.worklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One patient on the worklist: their worst level, how many items of each kind, how many
 * are overdue, and the items themselves (worklist order), all within the filter asked
 * for.
 *
 * @param identifier the national identifier (fødselsnummer or D-number)
 * @param phone the patient's phone number, for the call the nurse makes
 */
public record PatientRow(UUID patientId, String patientName, String identifier, String phone, String worstLevel,
		Map<String, Integer> counts, int overdue, Instant oldestRaisedAt, List<WorklistItem> items) {

}
