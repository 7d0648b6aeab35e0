package no.heima.load;

import java.util.Random;

/**
 * Bodies of the questionnaire responses the load submits: PHQ-9 (built into Heima,
 * {@code https://heima.example/fhir/Questionnaire/phq-9} version 1.0.0), nine answers
 * from the LOINC answer list, random, so totals and triage levels vary. The client's
 * own total is sent as 0: the server scores.
 */
final class Questionnaires {

	static final String PHQ9_URL = "https://heima.example/fhir/Questionnaire/phq-9";

	private static final String[] FREQUENCY = { "LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9" };

	private Questionnaires() {
	}

	static String phq9(Random random) {
		StringBuilder items = new StringBuilder();
		for (int i = 1; i <= 9; i++) {
			if (i > 1) {
				items.append(',');
			}
			// mostly "not at all" / "several days", as most patients answer
			int answer = (random.nextInt(10) < 7) ? random.nextInt(2) : random.nextInt(4);
			items.append("{\"linkId\":\"phq9-")
				.append(i)
				.append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
				.append(FREQUENCY[answer])
				.append("\"}}]}");
		}
		// the app sends the total it showed; the server recomputes it
		items.append(",{\"linkId\":\"phq9-total\",\"answer\":[{\"valueInteger\":0}]}");
		return "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[" + items + "]}";
	}

}
