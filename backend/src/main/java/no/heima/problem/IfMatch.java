package no.heima.problem;

/**
 * Optimistic concurrency over HTTP: changes carry the ETag (the record's version) the
 * client saw, so two people editing the same record cannot overwrite each other blindly.
 */
public final class IfMatch {

	private IfMatch() {
	}

	/**
	 * The version in an {@code If-Match} header; 428 when missing, 412 when not a
	 * version.
	 */
	public static long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new HeimaProblemException(ProblemType.PRECONDITION_REQUIRED,
					"Send If-Match with the ETag of the record you changed");
		}
		try {
			return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").strip());
		}
		catch (NumberFormatException ex) {
			throw new HeimaProblemException(ProblemType.VERSION_CONFLICT, "If-Match is not a version of this record");
		}
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

}
