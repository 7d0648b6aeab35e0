package no.heima.reminder;

/**
 * How one attempt to send a reminder went. {@code RETRY} is a transient failure (the
 * server did not answer, was busy or failed); {@code FAILED} is one a retry cannot mend
 * (no address, refused by the provider).
 */
record Delivery(Outcome outcome, String detail) {

	enum Outcome {

		SENT, RETRY, FAILED

	}

	static Delivery sent() {
		return new Delivery(Outcome.SENT, null);
	}

	static Delivery retry(String detail) {
		return new Delivery(Outcome.RETRY, detail);
	}

	static Delivery failed(String detail) {
		return new Delivery(Outcome.FAILED, detail);
	}

}
