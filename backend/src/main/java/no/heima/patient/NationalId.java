package no.heima.patient;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A validated Norwegian national identity number: fødselsnummer or D-number. All
 * validation rules live here, because they change (numbers issued from about 2032 free
 * the sex digit).
 *
 * <p>
 * Synthetic numbers from the synthetic population register (Tenor) add 80 to the month;
 * they are accepted only when asked for, so test people can never be registered in
 * production by accident.
 */
public record NationalId(String value, Kind kind, LocalDate birthDate) {

	public enum Kind {

		FNR("urn:oid:2.16.578.1.12.4.1.4.1"), DNR("urn:oid:2.16.578.1.12.4.1.4.2");

		private final String system;

		Kind(String system) {
			this.system = system;
		}

		/** The FHIR identifier system (HL7 Norway no-basis). */
		public String system() {
			return system;
		}

	}

	/**
	 * Why a number was refused; the names are the stable field-error codes of the API.
	 */
	public enum Error {

		REQUIRED("required"), LENGTH("length"), DIGITS("digits"), DATE("date"), CHECK_DIGIT_1("check-digit-1"),
		CHECK_DIGIT_2("check-digit-2");

		private final String code;

		Error(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

	/** Either a valid number or the first rule it breaks. */
	public record Result(NationalId id, Error error) {
		public Optional<NationalId> valid() {
			return Optional.ofNullable(id);
		}
	}

	private static final int[] WEIGHTS_1 = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };

	private static final int[] WEIGHTS_2 = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };

	public static Result parse(String raw, boolean acceptSynthetic, LocalDate today) {
		if (raw == null || raw.isBlank()) {
			return failed(Error.REQUIRED);
		}
		String value = raw.strip().replace(" ", "");
		if (value.length() != 11) {
			return failed(Error.LENGTH);
		}
		if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return failed(Error.DIGITS);
		}
		int[] d = value.chars().map(c -> c - '0').toArray();
		if (checkDigit(d, WEIGHTS_1) != d[9]) {
			return failed(Error.CHECK_DIGIT_1);
		}
		if (checkDigit(d, WEIGHTS_2) != d[10]) {
			return failed(Error.CHECK_DIGIT_2);
		}
		int day = d[0] * 10 + d[1];
		int month = d[2] * 10 + d[3];
		int year = d[4] * 10 + d[5];
		int individual = d[6] * 100 + d[7] * 10 + d[8];
		Kind kind = Kind.FNR;
		if (day > 40) {
			kind = Kind.DNR;
			day -= 40;
		}
		if (acceptSynthetic && month > 80) {
			month -= 80;
		}
		Integer century = century(individual, year);
		if (century == null) {
			return failed(Error.DATE);
		}
		LocalDate birthDate;
		try {
			birthDate = LocalDate.of(century + year, month, day);
		}
		catch (DateTimeException notADate) {
			return failed(Error.DATE);
		}
		if (birthDate.isAfter(today)) {
			return failed(Error.DATE);
		}
		return new Result(new NationalId(value, kind, birthDate), null);
	}

	/**
	 * The check digit for the digits before it; -1 when the weights make no valid digit
	 * (10).
	 */
	private static int checkDigit(int[] digits, int[] weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += digits[i] * weights[i];
		}
		int check = 11 - sum % 11;
		if (check == 11) {
			return 0;
		}
		return check == 10 ? -1 : check;
	}

	/** The century the individual number places a two-digit year in, or null if none. */
	private static Integer century(int individual, int year) {
		if (individual <= 499) {
			return 1900;
		}
		if (individual <= 749 && year >= 54) {
			return 1800;
		}
		if (year < 40) {
			return 2000;
		}
		if (individual >= 900) {
			return 1900;
		}
		return null;
	}

	private static Result failed(Error error) {
		return new Result(null, error);
	}
}
