package no.heima.problem;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value refused while it is read, before any code sees it: a number too large or
 * too precise to compute with safely, or text with control characters. {@code code} is
 * the stable field-problem code the clients translate; the message never quotes the
 * input.
 */
public class RefusedInput extends MismatchedInputException {

	private final String code;

	public RefusedInput(JsonParser parser, String code, String message) {
		super(parser, message);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
