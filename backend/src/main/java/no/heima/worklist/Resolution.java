package no.heima.worklist;

/**
 * How an item was closed: {@code action} is CALLED_PATIENT, ADJUSTED_MEDICATION,
 * BOOKED_VISIT, NO_ACTION_NEEDED or OTHER; {@code note} is for colleagues;
 * {@code patientMessage} (optional) is shown to the patient with their submission.
 */
public record Resolution(String action, String note, String patientMessage) {

}
