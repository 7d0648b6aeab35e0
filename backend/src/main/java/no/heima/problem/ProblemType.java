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
	// One type per questionnaire constraint an answer can break (SDC conformance).
	ANSWER_REQUIRED("answer-required", HttpStatus.UNPROCESSABLE_CONTENT, "A required question is not answered"),
	ANSWER_REPEATS("answer-repeats", HttpStatus.UNPROCESSABLE_CONTENT,
			"More than one answer to a question that takes one"),
	ANSWER_TYPE("answer-type", HttpStatus.UNPROCESSABLE_CONTENT, "An answer has the wrong type for its question"),
	ANSWER_BELOW_MIN("answer-below-min", HttpStatus.UNPROCESSABLE_CONTENT,
			"An answer is below the lowest value allowed"),
	ANSWER_ABOVE_MAX("answer-above-max", HttpStatus.UNPROCESSABLE_CONTENT,
			"An answer is above the highest value allowed"),
	ANSWER_UNIT("answer-unit", HttpStatus.UNPROCESSABLE_CONTENT, "An answer is in a unit the question does not take"),
	ANSWER_TOO_MANY_DECIMALS("answer-too-many-decimals", HttpStatus.UNPROCESSABLE_CONTENT,
			"An answer has more decimals than allowed"),
	ANSWER_TOO_LONG("answer-too-long", HttpStatus.UNPROCESSABLE_CONTENT, "An answer is longer than allowed"),
	ANSWER_TOO_SHORT("answer-too-short", HttpStatus.UNPROCESSABLE_CONTENT, "An answer is shorter than allowed"),
	ANSWER_PATTERN("answer-pattern", HttpStatus.UNPROCESSABLE_CONTENT, "An answer does not have the required form"),
	ANSWER_NOT_AN_OPTION("answer-not-an-option", HttpStatus.UNPROCESSABLE_CONTENT,
			"An answer is not one of the question's options"),
	ANSWER_NOT_IN_VALUE_SET("answer-not-in-value-set", HttpStatus.UNPROCESSABLE_CONTENT,
			"An answer is not in the question's value set"),
	ATTACHMENT_TYPE("attachment-type", HttpStatus.UNPROCESSABLE_CONTENT,
			"The file is not of a type the question takes"),
	ATTACHMENT_TOO_LARGE("attachment-too-large", HttpStatus.UNPROCESSABLE_CONTENT,
			"The file is larger than the question allows"),
	ATTACHMENT_NOT_FOUND("attachment-not-found", HttpStatus.UNPROCESSABLE_CONTENT,
			"The file the answer refers to was not uploaded"),
	/**
	 * Heima gave up on a request that ran past {@code heima.http.request-timeout}. 503,
	 * not 504: Heima is the origin server, not a gateway, the condition is temporary
	 * (overload, a slow database) and worth a retry, and a proxy in front keeps 504 for
	 * its own time-outs, so the two stay distinguishable.
	 */
	REQUEST_TIMEOUT("request-timeout", HttpStatus.SERVICE_UNAVAILABLE, "The request took too long"),
	/**
	 * A login or write over {@code heima.rate-limit.*}; {@code Retry-After} says when.
	 */
	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
	UNWATCHED_ACTIVITY("unwatched-activity", HttpStatus.UNPROCESSABLE_CONTENT,
			"An activity has no triage rule and is not marked collect-only"),
	NOT_TEAM_MEMBER("not-team-member", HttpStatus.UNPROCESSABLE_CONTENT,
			"The colleague chosen is not on the item's team");

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
