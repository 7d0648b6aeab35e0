package no.heima.questionnaire;

import java.util.Map;
import no.heima.problem.ProblemType;

/**
 * What a refused answer means, in the patient's language (nb, else English); the limit is
 * put in where the sentence has {@code {limit}}.
 */
final class Messages {

	private static final Map<ProblemType, String[]> TEXTS = Map.ofEntries(
			entry(ProblemType.ANSWER_REQUIRED, "Du må svare på dette", "This must be answered"),
			entry(ProblemType.ANSWER_REPEATS, "Her kan du bare gi ett svar", "Only one answer is allowed here"),
			entry(ProblemType.ANSWER_TYPE, "Svaret har feil form (forventet {limit})",
					"The answer has the wrong form (expected {limit})"),
			entry(ProblemType.ANSWER_BELOW_MIN, "Laveste tillatte verdi er {limit}",
					"The lowest value allowed is {limit}"),
			entry(ProblemType.ANSWER_ABOVE_MAX, "Høyeste tillatte verdi er {limit}",
					"The highest value allowed is {limit}"),
			entry(ProblemType.ANSWER_UNIT, "Oppgi svaret i {limit}", "Give the answer in {limit}"),
			entry(ProblemType.ANSWER_TOO_MANY_DECIMALS, "Bruk høyst {limit} desimaler", "Use at most {limit} decimals"),
			entry(ProblemType.ANSWER_TOO_LONG, "Svaret kan ha høyst {limit} tegn",
					"The answer can have at most {limit} characters"),
			entry(ProblemType.ANSWER_TOO_SHORT, "Svaret må ha minst {limit} tegn",
					"The answer must have at least {limit} characters"),
			entry(ProblemType.ANSWER_PATTERN, "Svaret har ikke riktig format", "The answer is not in the right format"),
			entry(ProblemType.ANSWER_NOT_AN_OPTION, "Velg et av svaralternativene", "Choose one of the options"),
			entry(ProblemType.ANSWER_NOT_IN_VALUE_SET, "Velg et av svaralternativene", "Choose one of the options"),
			entry(ProblemType.ATTACHMENT_TYPE, "Filen må være av typen {limit}", "The file must be of type {limit}"),
			entry(ProblemType.ATTACHMENT_TOO_LARGE, "Filen kan være høyst {limit} byte",
					"The file can be at most {limit} bytes"),
			entry(ProblemType.ATTACHMENT_NOT_FOUND, "Filen ble ikke lastet opp. Legg den ved på nytt",
					"The file was not uploaded. Attach it again"));

	private Messages() {
	}

	private static Map.Entry<ProblemType, String[]> entry(ProblemType type, String nb, String en) {
		return Map.entry(type, new String[] { nb, en });
	}

	static String of(ProblemType type, String limit, String language) {
		String[] texts = TEXTS.getOrDefault(type, new String[] { type.title(), type.title() });
		String lang = Translations.primarySubtag(language);
		boolean norwegian = lang == null || "nb".equals(lang) || "no".equals(lang) || "nn".equals(lang);
		String text = norwegian ? texts[0] : texts[1];
		if (limit == null) {
			return text.replaceAll("\\s*\\([^)]*\\{limit\\}\\)", "").replace("{limit}", "");
		}
		return text.replace("{limit}", limit);
	}

}
