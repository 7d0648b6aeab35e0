package no.heima.patient;

/**
 * A clinician asks for their team to follow a person: the identifier, the team (default:
 * their first) and why.
 */
public record RequestAccess(String identifier, String team, String reason) {
}
