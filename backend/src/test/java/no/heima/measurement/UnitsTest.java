package no.heima.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conversions go through the UCUM library; these pin the results people will see. Glucose
 * converts between mass and substance concentration with its molar mass (90 mg/dL = 90 /
 * 180.156 * 10 mmol/L). Unknown units and units of another kind are refused (the input is
 * wrong). The library has no offset scales, so Fahrenheit and kelvin, though the right
 * kind of unit, cannot be converted: that fails loudly (never guessed), and the
 * measurement is kept as entered and goes to a nurse as could-not-assess.
 */
class UnitsTest {

	private final Units units = new Units();

	@ParameterizedTest(name = "{0} {1} = {3} {2}")
	@CsvSource({ "176.37, [lb_av], kg, 80.00", "80, kg, kg, 80.00", "80000, g, kg, 80.00", "0.97, 1, %, 97.00",
			"120, mm[Hg], mm[Hg], 120.00", "16, kPa, mm[Hg], 120.01" })
	void converts(BigDecimal value, String from, String to, BigDecimal expected) {
		assertThat(this.units.convert(value, from, to, false)).hasValueSatisfying(
				(result) -> assertThat(result.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo(expected));
	}

	@ParameterizedTest(name = "glucose {0} {1} = {3} {2}")
	@CsvSource({ "90, mg/dL, mmol/L, 5.00", "5.0, mmol/L, mg/dL, 90.08", "180.156, mg/dL, mmol/L, 10.00",
			"1, g/L, mmol/L, 5.55" })
	void convertsGlucoseBetweenMassAndSubstanceConcentration(BigDecimal value, String from, String to,
			BigDecimal expected) {
		assertThat(this.units.convert(value, from, to, true)).hasValueSatisfying(
				(result) -> assertThat(result.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo(expected));
	}

	@ParameterizedTest(name = "{1} -> {2} is refused")
	@CsvSource({ "80, mm[Hg], kg", "80, pounds, kg", "5, mg/dL, mmol/L", "37, Cel, kg", "1, '', kg" })
	void refusesWhatCannotBeConverted(BigDecimal value, String from, String to) {
		assertThat(this.units.convert(value, from, to, false)).isEmpty();
	}

	@ParameterizedTest(name = "{1} -> {2} fails loudly")
	@CsvSource({ "98.6, [degF], Cel", "310.15, K, Cel" })
	void aKnownUnitTheLibraryCannotConvertFailsLoudly(BigDecimal value, String from, String to) {
		assertThatThrownBy(() -> this.units.convert(value, from, to, false)).isInstanceOf(Units.ConversionFailed.class)
			.hasMessageContaining(from);
	}

}
