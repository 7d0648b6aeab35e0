package no.heima.patient;

/**
 * Registration turned into an access request (the identifier is taken by a record the
 * caller's teams do not follow); the controller answers 202 with {@link #answer()}.
 */
class AccessRequestedInstead extends RuntimeException {

	private final transient AccessRequested answer;

	AccessRequestedInstead(AccessRequested answer) {
		super("access requested", null, false, false);
		this.answer = answer;
	}

	AccessRequested answer() {
		return this.answer;
	}

}
