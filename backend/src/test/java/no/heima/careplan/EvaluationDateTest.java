package no.heima.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One rule for an evaluation day, whether planned at enrolment (from the start date) or
 * at an evaluation (from tomorrow): on or after the earliest day, at most a year after
 * it.
 */
class EvaluationDateTest {

	private static final LocalDate EARLIEST = LocalDate.of(2026, 12, 3);

	@ParameterizedTest(name = "{0}: allowed {1}")
	@CsvSource({ "2026-12-02, false", "2026-12-03, true", "2027-12-03, true", "2027-12-04, false",
			"2028-12-02, false" })
	void onOrAfterTheEarliestDayAndAtMostAYearAfterIt(LocalDate date, boolean allowed) {
		assertThat(Evaluation.dateProblem("evaluationDate", date, EARLIEST).isEmpty()).isEqualTo(allowed);
		assertThat(Evaluation.MAX_DAYS).isEqualTo(365);
	}

	@ParameterizedTest
	@CsvSource({ "evaluationDate", "nextEvaluationDate" })
	void noDayPlannedIsFineAndAProblemNamesItsField(String field) {
		assertThat(Evaluation.dateProblem(field, null, EARLIEST)).isEmpty();
		assertThat(Evaluation.dateProblem(field, EARLIEST.minusDays(1), EARLIEST)).get()
			.satisfies((p) -> assertThat(p.field()).isEqualTo(field));
	}

}
