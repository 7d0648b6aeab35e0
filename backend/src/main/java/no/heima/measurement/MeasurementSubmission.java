package no.heima.measurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.heima.vital.Vital;

/**
 * A measurement from the patient app or a device. {@code carePlanId} and
 * {@code activityId} say which task it answers (optional: then the first care plan asking
 * for this vital is used). {@code source} is MANUAL (default) or DEVICE.
 */
public record MeasurementSubmission(Vital vital, List<EnteredValue> values, Instant measuredAt, UUID carePlanId,
		String activityId, String source) {

}
