package no.heima.fhirsync;

/**
 * What became of one row: delivered (with the server's id), to retry, or parked for good.
 */
record Delivery(OutboxRow row, Outcome outcome, String detail) {

	enum Outcome {

		DELIVERED, RETRY, PARK

	}

	static Delivery delivered(OutboxRow row, String fhirId) {
		return new Delivery(row, Outcome.DELIVERED, fhirId);
	}

	static Delivery retry(OutboxRow row, String error) {
		return new Delivery(row, Outcome.RETRY, error);
	}

	static Delivery park(OutboxRow row, String reason) {
		return new Delivery(row, Outcome.PARK, reason);
	}

}
