package no.heima.measurement;

import java.math.BigDecimal;

/** One value as the patient or device gave it: LOINC code, number and UCUM unit. */
public record EnteredValue(String code, BigDecimal value, String unit) {

}
