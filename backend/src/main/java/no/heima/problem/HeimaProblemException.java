package no.heima.problem;

import java.util.List;

/** A domain failure that becomes a problem-details response with a stable type. */
public class HeimaProblemException extends RuntimeException {

	private final ProblemType type;

	private final List<FieldProblem> errors;

	private final java.util.Map<String, Object> properties;

	public HeimaProblemException(ProblemType type, String detail) {
		this(type, detail, List.of());
	}

	public HeimaProblemException(ProblemType type, String detail, List<FieldProblem> errors) {
		this(type, detail, errors, java.util.Map.of());
	}

	/**
	 * With extra members of the problem object (RFC 9457 extensions), e.g. the questions
	 * a refused answer set breaks.
	 */
	public HeimaProblemException(ProblemType type, String detail, List<FieldProblem> errors,
			java.util.Map<String, Object> properties) {
		super(detail);
		this.type = type;
		this.errors = List.copyOf(errors);
		this.properties = java.util.Map.copyOf(properties);
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

	public java.util.Map<String, Object> properties() {
		return properties;
	}

}
