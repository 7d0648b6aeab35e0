package no.heima.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Prints how long the validator takes to warm and a warm validation takes, for the test
 * log; no assertion on time (the machines vary too much).
 */
class ValidatorTimingTest {

	@Test
	void printsWarmUpAndWarmValidationTimes() {
		// a gateway of its own: its validator and definitions start cold even when other
		// tests in this JVM warmed theirs (classes and the shared FhirContext stay
		// loaded)
		ValidatorAndFhirPath fresh = new ValidatorAndFhirPath(new QuestionnaireProperties(false, true, null));
		fresh.ready().block(Duration.ofMinutes(2));
		Duration warmUp = fresh.warmUpTime();
		assertThat(warmUp).isNotNull();

		QuestionnaireValidation validation = new QuestionnaireValidation(fresh);
		String phq9 = TestFhir.seed("phq-9");
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long started = System.nanoTime();
			validation.validateNow(phq9);
			best = Math.min(best, System.nanoTime() - started);
		}
		System.out.printf("[timing] FHIR validator warm-up %d ms; warm validation of PHQ-9 (best of 3) %d ms%n",
				warmUp.toMillis(), best / 1_000_000);
	}

}
