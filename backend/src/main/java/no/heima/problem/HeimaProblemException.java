package no.heima.problem;

import java.util.List;

/** A domain failure that becomes a problem-details response with a stable type. */
public class HeimaProblemException extends RuntimeException {

	private final ProblemType type;

	private final List<FieldProblem> errors;

	public HeimaProblemException(ProblemType type, String detail) {
		this(type, detail, List.of());
	}

	public HeimaProblemException(ProblemType type, String detail, List<FieldProblem> errors) {
		super(detail);
		this.type = type;
		this.errors = List.copyOf(errors);
	}

	public static HeimaProblemException validation(List<FieldProblem> errors) {
		return new HeimaProblemException(ProblemType.VALIDATION, errors.size() + " field(s) are invalid", errors);
	}

	public ProblemType type() {
		return type;
	}

	public List<FieldProblem> errors() {
		return errors;
	}

}
