package no.heima.platform;

import java.math.BigDecimal;

/**
 * What any input must satisfy before code computes with it or stores it. Numbers: a JSON
 * number like {@code 1e999999999} is short to send but its plain form has a billion
 * digits, so unit conversion or {@code toPlainString()} on it exhausts memory; nothing
 * Heima measures or configures needs more than 20 significant digits or a magnitude
 * beyond 10^±20. Text: PostgreSQL refuses NUL in text and JSON, and other control
 * characters only ever come from broken or hostile clients (tab, line feed and carriage
 * return are ordinary in free text).
 */
public final class InputBounds {

	public static final int MAX_DIGITS = 20;

	public static final int MAX_EXPONENT = 20;

	private InputBounds() {
	}

	/** Precision and decimal exponent within bounds; never computes the plain form. */
	public static boolean saneNumber(BigDecimal value) {
		// the decimal exponent of the leading digit; long, as scale can be near
		// Integer.MIN_VALUE
		long exponent = (long) value.precision() - value.scale() - 1;
		return value.precision() <= MAX_DIGITS && exponent >= -MAX_EXPONENT && exponent <= MAX_EXPONENT;
	}

	public static boolean saneNumber(double value) {
		return Double.isFinite(value) && Math.abs(value) < 1e20;
	}

	/** Any C0 control but tab, LF and CR, DEL, or a C1 control. */
	public static boolean hasControlCharacter(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
				return true;
			}
		}
		return false;
	}

}
