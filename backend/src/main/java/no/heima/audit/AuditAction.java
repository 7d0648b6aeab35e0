package no.heima.audit;

/** What was done to a patient's data. */
public enum AuditAction {

	READ, SEARCH, CREATE, UPDATE

}
