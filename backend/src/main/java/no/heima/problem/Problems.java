package no.heima.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem details the same way for controllers and for the security filters. */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(ProblemType type, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
		problem.setType(URI.create(type.uri()));
		problem.setTitle(type.title());
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	/**
	 * A body that could not be bound: a value refused by the input bounds
	 * ({@link RefusedInput}) is a VALIDATION problem naming the field; anything else
	 * (syntax, wrong type, an enum ordinal, a number sent as text) MALFORMED_REQUEST.
	 * Only field paths and codes are given back, never the input.
	 */
	public static ProblemDetail unreadable(Throwable failure, String detail) {
		HeimaProblemException problem = exceptionOf(failure);
		return of(problem.type(), problem.errors().isEmpty() ? detail : problem.getMessage(), problem.errors());
	}

	/** As {@link #unreadable}, for code that parses a body itself. */
	public static HeimaProblemException exceptionOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RefusedInput refused) {
				return HeimaProblemException
					.validation(List.of(new FieldProblem(path(refused), refused.code(), refused.getOriginalMessage())));
			}
			if (cause instanceof tools.jackson.databind.DatabindException binding && !binding.getPath().isEmpty()) {
				return new HeimaProblemException(ProblemType.MALFORMED_REQUEST,
						"A field has the wrong type or form: " + path(binding),
						List.of(new FieldProblem(path(binding), "type", "Wrong type or form")));
			}
		}
		return new HeimaProblemException(ProblemType.MALFORMED_REQUEST, "The request body could not be read as JSON");
	}

	private static String path(tools.jackson.core.JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (tools.jackson.core.JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	public static ProblemDetail of(HttpStatusCode status, ProblemType type, String detail) {
		ProblemDetail problem = of(type, detail, List.of());
		problem.setStatus(status.value());
		return problem;
	}

}
