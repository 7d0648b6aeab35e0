package no.heima.audit;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carried in the Reactor context of one API request: whether a DENIED entry was written
 * while serving it, so {@link DenialAudit} writes one only for refusals nobody audited.
 */
final class AuditScope {

	private final AtomicBoolean deniedRecorded = new AtomicBoolean();

	void recorded(AuditOutcome outcome) {
		if (outcome == AuditOutcome.DENIED) {
			this.deniedRecorded.set(true);
		}
	}

	boolean deniedRecorded() {
		return this.deniedRecorded.get();
	}

}
