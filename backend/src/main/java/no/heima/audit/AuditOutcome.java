package no.heima.audit;

/**
 * Whether the access was allowed; denied attempts are worth as much to an auditor as
 * reads.
 */
public enum AuditOutcome {

	SUCCESS, DENIED

}
