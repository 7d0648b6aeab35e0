package no.heima.problem;

import org.springframework.http.HttpStatus;

/** Stable problem types. The URIs are part of the API contract: never rename one. */
public enum ProblemType {

	VALIDATION("validation", HttpStatus.BAD_REQUEST, "The request has invalid fields"),
	MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "The request could not be read"),
	UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Login required"),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
	NOT_REGISTERED("not-registered", HttpStatus.NOT_FOUND, "No patient record for this login"),
	DUPLICATE_IDENTIFIER("duplicate-identifier", HttpStatus.CONFLICT, "Identifier already registered"),
	VERSION_CONFLICT("version-conflict", HttpStatus.PRECONDITION_FAILED, "The record has changed"),
	PRECONDITION_REQUIRED("precondition-required", HttpStatus.PRECONDITION_REQUIRED, "If-Match required"),
	INVALID_QUESTIONNAIRE("invalid-questionnaire", HttpStatus.BAD_REQUEST, "The questionnaire is not valid"),
	DUPLICATE_VERSION("duplicate-version", HttpStatus.CONFLICT, "This questionnaire version already exists"),
	INVALID_RESPONSE("invalid-response", HttpStatus.BAD_REQUEST,
			"The questionnaire response does not fit its questionnaire");

	private static final String PREFIX = "urn:heima:problem:";

	private final String slug;

	private final HttpStatus status;

	private final String title;

	ProblemType(String slug, HttpStatus status, String title) {
		this.slug = slug;
		this.status = status;
		this.title = title;
	}

	public String uri() {
		return PREFIX + slug;
	}

	public HttpStatus status() {
		return status;
	}

	public String title() {
		return title;
	}

}
