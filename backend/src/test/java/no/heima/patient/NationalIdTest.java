package no.heima.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fødselsnummer / D-number rules as a table. Every number is synthetic (Tenor month +
 * 80), a D-number, or from the 1800s, so none can belong to a living person.
 */
class NationalIdTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

	@ParameterizedTest(name = "{0} (synthetic accepted: {1}) is a {2} born {3}")
	@CsvSource({ "12837540028, true,  FNR, 1975-03-12", "24896840041, true,  FNR, 1968-09-24",
			"15831550039, true,  FNR, 2015-03-15", // individual 500-999, year < 40: 2000s
			"29827640083, true,  FNR, 1976-02-29", // leap day in a leap year
			"01016050012, false, FNR, 1860-01-01", // individual 500-749, year >= 54:
													// 1800s
			"52037540056, false, DNR, 1975-03-12", // D-number: day + 40
			"52837540011, true,  DNR, 1975-03-12", // synthetic D-number
			"1283 7540028, true, FNR, 1975-03-12", // spaces as people type them
	})
	void accepts(String raw, boolean synthetic, NationalId.Kind kind, LocalDate birthDate) {
		NationalId.Result result = NationalId.parse(raw, synthetic, TODAY);

		assertThat(result.error()).isNull();
		assertThat(result.id().kind()).isEqualTo(kind);
		assertThat(result.id().birthDate()).isEqualTo(birthDate);
		assertThat(result.id().value()).isEqualTo(raw.replace(" ", ""));
	}

	@ParameterizedTest(name = "{0} (synthetic accepted: {1}) is refused: {2}")
	@CsvSource({ "'',           true,  REQUIRED", "'   ',        true,  REQUIRED", "1283754002,   true,  LENGTH",
			"128375400288, true,  LENGTH", "128375400a8,  true,  DIGITS", "-2837540028,  true,  DIGITS",
			"12837540038,  true,  CHECK_DIGIT_1", // 10th digit changed
			"12837540029,  true,  CHECK_DIGIT_2", // 11th digit changed
			"32837540150,  true,  DATE", // day 32 with valid check digits
			"29827540062,  true,  DATE", // 29 February 1975
			"01814575019,  true,  DATE", // individual 750-899 with year 40-53 is no
											// century
			"01813050184,  true,  DATE", // born 2030: in the future
			"12837540028,  false, DATE", // synthetic month 83 when synthetic numbers are
											// off
	})
	void refuses(String raw, boolean synthetic, NationalId.Error expected) {
		NationalId.Result result = NationalId.parse(raw, synthetic, TODAY);

		assertThat(result.error()).isEqualTo(expected);
		assertThat(result.valid()).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void nullIsRequired() {
		assertThat(NationalId.parse(null, true, TODAY).error()).isEqualTo(NationalId.Error.REQUIRED);
	}

	@org.junit.jupiter.api.Test
	void fhirSystemsAreTheNorwegianOids() {
		assertThat(NationalId.Kind.FNR.system()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.1");
		assertThat(NationalId.Kind.DNR.system()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.2");
	}

}
