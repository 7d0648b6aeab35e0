package no.heima.measurement;

import org.springframework.modulith.NamedInterface;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One value as the patient or device gave it: LOINC code, number and UCUM unit. */
@NamedInterface("readings")
public record EnteredValue(@NotBlank @Size(max = 20) String code,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal value,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 30) String unit) {

}
