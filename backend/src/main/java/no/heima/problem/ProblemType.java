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
	IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.CONFLICT, "Idempotency-Key used for another request"),
	NOT_ENROLLED("not-enrolled", HttpStatus.CONFLICT, "No care plan to record this under"),
	IMPLAUSIBLE_VALUE("implausible-value", HttpStatus.UNPROCESSABLE_CONTENT, "A value is outside what can be measured"),
	UNIT_MISMATCH("unit-mismatch", HttpStatus.UNPROCESSABLE_CONTENT, "The unit does not fit the measurement"),
	MEASURED_IN_FUTURE("measured-at-in-future", HttpStatus.UNPROCESSABLE_CONTENT, "Measured in the future"),
	MEASURED_BEFORE_ENROLMENT("measured-at-before-enrolment", HttpStatus.UNPROCESSABLE_CONTENT,
			"Measured before the follow-up started"),
	FHIR_UNAVAILABLE("fhir-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "The FHIR server is not available"),
	STATE_CONFLICT("state-conflict", HttpStatus.CONFLICT, "Not possible in the record's current state"),
	VERSION_CONFLICT("version-conflict", HttpStatus.PRECONDITION_FAILED, "The record has changed"),
	PRECONDITION_REQUIRED("precondition-required", HttpStatus.PRECONDITION_REQUIRED, "If-Match required"),
	INVALID_QUESTIONNAIRE("invalid-questionnaire", HttpStatus.BAD_REQUEST, "The questionnaire is not valid"),
	DUPLICATE_VERSION("duplicate-version", HttpStatus.CONFLICT, "This questionnaire version already exists"),
	INVALID_RESPONSE("invalid-response", HttpStatus.BAD_REQUEST,
			"The questionnaire response does not fit its questionnaire"),
	UNWATCHED_ACTIVITY("unwatched-activity", HttpStatus.UNPROCESSABLE_CONTENT,
			"An activity has no triage rule and is not marked collect-only");

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
