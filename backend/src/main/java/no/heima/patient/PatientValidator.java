package no.heima.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import no.heima.problem.FieldProblem;

/**
 * Field rules for registration and contact changes; collects every problem, not just the
 * first.
 */
final class PatientValidator {

	static final Set<String> LANGUAGES = Set.of("nb", "nn", "en", "se");

	private static final int MAX_NAME = 100;

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{8,15}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final List<FieldProblem> problems = new ArrayList<>();

	NationalId identifier(String raw, boolean acceptSynthetic, LocalDate today) {
		NationalId.Result result = NationalId.parse(raw, acceptSynthetic, today);
		if (result.error() != null) {
			problems.add(new FieldProblem("identifier", result.error().code(), identifierMessage(result.error())));
		}
		return result.id();
	}

	void name(String field, String value) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "required", "Required"));
		}
		else if (value.strip().length() > MAX_NAME) {
			problems.add(new FieldProblem(field, "too-long", "At most " + MAX_NAME + " characters"));
		}
	}

	void contact(ContactDetails contact) {
		String phone = blankToNull(contact.phone());
		if (phone != null && !PHONE.matcher(phone.replace(" ", "")).matches()) {
			problems.add(new FieldProblem("phone", "format", "8 to 15 digits, optionally with +"));
		}
		String email = blankToNull(contact.email());
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			problems.add(new FieldProblem("email", "format", "Not an e-mail address"));
		}
		String language = blankToNull(contact.preferredLanguage());
		if (language != null && !LANGUAGES.contains(language)) {
			problems.add(new FieldProblem("preferredLanguage", "format", "One of " + LANGUAGES));
		}
	}

	void add(FieldProblem problem) {
		problems.add(problem);
	}

	List<FieldProblem> problems() {
		return List.copyOf(problems);
	}

	static ContactDetails normalise(ContactDetails contact) {
		String phone = blankToNull(contact.phone());
		String language = blankToNull(contact.preferredLanguage());
		return new ContactDetails(phone == null ? null : phone.replace(" ", ""), blankToNull(contact.email()),
				language == null ? "nb" : language);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String identifierMessage(NationalId.Error error) {
		return switch (error) {
			case REQUIRED -> "Required";
			case LENGTH -> "A fødselsnummer or D-number has 11 digits";
			case DIGITS -> "Only digits";
			case DATE -> "The first six digits are not a valid birth date";
			case CHECK_DIGIT_1 -> "The first check digit (10th) does not match";
			case CHECK_DIGIT_2 -> "The second check digit (11th) does not match";
		};
	}

}
