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

	public static ProblemDetail of(HttpStatusCode status, ProblemType type, String detail) {
		ProblemDetail problem = of(type, detail, List.of());
		problem.setStatus(status.value());
		return problem;
	}

}
