package no.heima.measurement;

import org.springframework.modulith.NamedInterface;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.heima.pathway.LocalizedText;
import no.heima.triage.Assessment;
import no.heima.vital.Vital;

/**
 * A stored measurement: values in the vital's own units, what was entered, both times,
 * the triage result with its rule version, and the advice the patient was shown for that
 * level.
 */
@NamedInterface("readings")
public record Measurement(UUID id, UUID patientId, Vital vital, List<EnteredValue> values, List<EnteredValue> entered,
		Instant measuredAt, Instant receivedAt, UUID carePlanId, String activityId, String source, Assessment triage,
		LocalizedText advice) {

}
