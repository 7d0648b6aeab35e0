package no.heima.fhirsync;

/**
 * What became of one row: delivered (with the server's id), to retry, or parked for good;
 * a retry says whose fault it was.
 */
record Delivery(OutboxRow row, Outcome outcome, String detail, java.time.Duration retryIn, Fault fault) {

	enum Outcome {

		DELIVERED, RETRY, PARK

	}

	/** Why a row is retried. */
	enum Fault {

		/** The row's own reason (a patient the server does not know yet, a 409). */
		NONE,
		/** The server is down, overloaded or refused our token. */
		SERVER,
		/**
		 * The row's transaction bundle timed out or was too large while the server
		 * answers: the bundle size shrinks, the server stays ready.
		 */
		SLOW_BUNDLE

	}

	static Delivery delivered(OutboxRow row, String fhirId) {
		return new Delivery(row, Outcome.DELIVERED, fhirId, null, Fault.NONE);
	}

	static Delivery retry(OutboxRow row, String error) {
		return new Delivery(row, Outcome.RETRY, error, null, Fault.NONE);
	}

	/** A retry with its wait decided (by the worker's backoff). */
	Delivery after(java.time.Duration wait) {
		return new Delivery(this.row, this.outcome, this.detail, wait, this.fault);
	}

	/**
	 * A retry because the server is down, overloaded or refused our token: the worker
	 * then waits for its probe instead of trying row after row.
	 */
	static Delivery serverFault(OutboxRow row, String error) {
		return new Delivery(row, Outcome.RETRY, error, null, Fault.SERVER);
	}

	/**
	 * A retry because the bundle it travelled in timed out (or was too large); it may
	 * have been stored all the same, which its conditional create or update matches when
	 * it is sent again.
	 */
	static Delivery slowBundle(OutboxRow row, String error) {
		return new Delivery(row, Outcome.RETRY, error, null, Fault.SLOW_BUNDLE);
	}

	static Delivery park(OutboxRow row, String reason) {
		return new Delivery(row, Outcome.PARK, reason, null, Fault.NONE);
	}

	boolean serverFault() {
		return this.fault == Fault.SERVER;
	}

	boolean slowBundle() {
		return this.fault == Fault.SLOW_BUNDLE;
	}

}
