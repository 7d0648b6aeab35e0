package no.heima.measurement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One value as the patient or device gave it: LOINC code, number and UCUM unit. */
public record EnteredValue(@NotBlank @Size(max = 20) String code, BigDecimal value, @Size(max = 30) String unit) {

}
