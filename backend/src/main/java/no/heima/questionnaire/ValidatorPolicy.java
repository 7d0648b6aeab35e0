package no.heima.questionnaire;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.heima.problem.FieldProblem;

/**
 * Which of the HAPI validator's findings block an import (see
 * docs/decisions/questionnaire-validation.md): ERROR and FATAL do, WARNING is passed back
 * to the importer (once per code and message), INFORMATION is dropped. One known false
 * positive is downgraded to a warning: HAPI 8.8.0 reports an ERROR for a language code
 * outside the "Common Languages" value set (nb, nb-NO, nn) although that binding is only
 * preferred (hapifhir/hapi-fhir#7959); Helsenorge forms carry {@code language: nb-NO}.
 * Only a well-formed BCP 47 tag is excused.
 */
final class ValidatorPolicy {

	static final String LANGUAGES_VALUE_SET = "http://hl7.org/fhir/ValueSet/languages";

	static final String LANGUAGE_NOT_COMMON = "language-not-in-common-languages";

	private static final Pattern CODE = Pattern.compile("(?:Code \"|value provided \\(')([^\"']+)");

	record Outcome(List<FieldProblem> errors, List<FieldProblem> warnings) {
	}

	private ValidatorPolicy() {
	}

	static Outcome classify(List<SingleValidationMessage> messages) {
		List<FieldProblem> errors = new ArrayList<>();
		List<FieldProblem> warnings = new ArrayList<>();
		for (SingleValidationMessage message : messages) {
			ResultSeverityEnum severity = message.getSeverity();
			String field = message.getLocationString() == null ? "Questionnaire" : message.getLocationString();
			if (severity == ResultSeverityEnum.ERROR || severity == ResultSeverityEnum.FATAL) {
				if (isPreferredLanguageFalsePositive(message)) {
					warnings.add(new FieldProblem(field, LANGUAGE_NOT_COMMON, message.getMessage()));
				}
				else {
					errors.add(new FieldProblem(field, code(message), message.getMessage()));
				}
			}
			else if (severity == ResultSeverityEnum.WARNING) {
				warnings.add(new FieldProblem(field, code(message), message.getMessage()));
			}
		}
		return new Outcome(errors, distinct(warnings));
	}

	/**
	 * One warning per code and message: without a terminology server, every LOINC coding
	 * gets the same "cannot check this code system" warning, which helps nobody forty
	 * times.
	 */
	private static List<FieldProblem> distinct(List<FieldProblem> warnings) {
		Map<String, FieldProblem> first = new LinkedHashMap<>();
		warnings.forEach(w -> first.putIfAbsent(w.code() + "\n" + w.message(), w));
		return List.copyOf(first.values());
	}

	static boolean isPreferredLanguageFalsePositive(SingleValidationMessage message) {
		String text = message.getMessage();
		if (text == null || !text.contains(LANGUAGES_VALUE_SET)) {
			return false;
		}
		Matcher code = CODE.matcher(text);
		return code.find() && isWellFormedLanguageTag(code.group(1));
	}

	static boolean isWellFormedLanguageTag(String tag) {
		try {
			new Locale.Builder().setLanguageTag(tag);
			return true;
		}
		catch (IllformedLocaleException e) {
			return false;
		}
	}

	/**
	 * A stable code: the constraint key (que-2) or the validator's message id, else
	 * "fhir".
	 */
	private static String code(SingleValidationMessage message) {
		String id = message.getMessageId();
		if (id == null || id.isBlank()) {
			return "fhir";
		}
		int hash = id.lastIndexOf('#');
		return hash >= 0 ? id.substring(hash + 1) : id;
	}

}
