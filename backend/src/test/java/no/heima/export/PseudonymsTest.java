package no.heima.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.heima.problem.HeimaProblemException;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

	private static final String SECRET = "a-deployment-secret-of-at-least-32-chars";

	@Test
	void theSameIdGetsTheSamePseudonymWithinAnExportAndAnotherInTheNext() {
		byte[] salt = Pseudonyms.newSalt();
		Pseudonyms one = new Pseudonyms(SECRET, salt);
		String first = one.of("12837540028");
		assertThat(first).matches("[0-9a-f]{32}").doesNotContain("12837540028");
		assertThat(one.of("12837540028")).isEqualTo(first);
		assertThat(new Pseudonyms(SECRET, salt).of("12837540028")).isEqualTo(first);
		assertThat(one.of("24896840041")).isNotEqualTo(first);
		assertThat(new Pseudonyms(SECRET, Pseudonyms.newSalt()).of("12837540028")).isNotEqualTo(first);
		assertThat(new Pseudonyms(SECRET + "x", salt).of("12837540028")).isNotEqualTo(first);
	}

	@Test
	void aCohortsPeriodIsBoundedAndOrdered() {
		assertThatThrownBy(() -> Cohort.of(null, null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
			.isInstanceOf(HeimaProblemException.class);
		assertThatThrownBy(() -> Cohort.of(null, null, LocalDate.of(2000, 1, 1), LocalDate.of(2026, 1, 1)))
			.isInstanceOf(HeimaProblemException.class);
		assertThatThrownBy(() -> Cohort.of("hjerte; drop table", null, null, null))
			.isInstanceOf(HeimaProblemException.class);
		Cohort cohort = Cohort.of(" hjerte ", null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
		assertThat(cohort.team()).isEqualTo("hjerte");
		assertThat(cohort.from()).hasToString("2025-12-31T23:00:00Z");
		assertThat(cohort.to()).hasToString("2026-01-31T23:00:00Z");
	}

}
