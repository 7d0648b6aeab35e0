package no.heima.measurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.heima.vital.Vital;

/**
 * A measurement from the patient app or a device. {@code carePlanId} and
 * {@code activityId} say which task it answers (optional: then the first care plan asking
 * for this vital is used). {@code source} is MANUAL (default) or DEVICE. No vital has
 * more than three values.
 */
public record MeasurementSubmission(@NotNull Vital vital,
		@NotEmpty @Size(max = 3) List<@NotNull @Valid EnteredValue> values, @NotNull Instant measuredAt,
		UUID carePlanId, @Size(max = 100) String activityId, @Pattern(regexp = "MANUAL|DEVICE") String source) {

}
