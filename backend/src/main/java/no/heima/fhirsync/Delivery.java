package no.heima.fhirsync;

/**
 * What became of one row: delivered (with the server's id), to retry, or parked for good.
 */
record Delivery(OutboxRow row, Outcome outcome, String detail, java.time.Duration retryIn, boolean serverFault) {

	enum Outcome {

		DELIVERED, RETRY, PARK

	}

	static Delivery delivered(OutboxRow row, String fhirId) {
		return new Delivery(row, Outcome.DELIVERED, fhirId, null, false);
	}

	static Delivery retry(OutboxRow row, String error) {
		return new Delivery(row, Outcome.RETRY, error, null, false);
	}

	/** A retry with its wait decided (by the worker's backoff). */
	Delivery after(java.time.Duration wait) {
		return new Delivery(this.row, this.outcome, this.detail, wait, this.serverFault);
	}

	/**
	 * A retry because the server is down, overloaded or refused our token: the worker
	 * then waits for its probe instead of trying row after row.
	 */
	static Delivery serverFault(OutboxRow row, String error) {
		return new Delivery(row, Outcome.RETRY, error, null, true);
	}

	static Delivery park(OutboxRow row, String reason) {
		return new Delivery(row, Outcome.PARK, reason, null, false);
	}

}
