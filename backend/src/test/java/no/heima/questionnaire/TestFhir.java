package no.heima.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One FHIR gateway for all unit tests of a JVM (the validator is slow to warm), and
 * fixtures from {@code src/test/resources/fhir/}.
 */
final class TestFhir {

	private static ValidatorAndFhirPath gateway;

	private TestFhir() {
	}

	static synchronized ValidatorAndFhirPath gateway() {
		if (gateway == null) {
			gateway = new ValidatorAndFhirPath(new QuestionnaireProperties(false, false, null));
		}
		return gateway;
	}

	static QuestionnaireValidation validation() {
		return new QuestionnaireValidation(gateway());
	}

	static String fixture(String name) {
		try (InputStream in = TestFhir.class.getResourceAsStream("/fhir/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String seed(String name) {
		try (InputStream in = TestFhir.class.getResourceAsStream("/questionnaires/" + name + ".json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
