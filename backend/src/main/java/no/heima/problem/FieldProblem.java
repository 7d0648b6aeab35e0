package no.heima.problem;

/**
 * One invalid field: {@code code} is stable (the web apps translate it), {@code message}
 * is an English fallback for machine clients.
 */
public record FieldProblem(String field, String code, String message) {
}
