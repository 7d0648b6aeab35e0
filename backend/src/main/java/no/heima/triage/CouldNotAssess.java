package no.heima.triage;

/**
 * Why an accepted submission could not be triaged. It is never treated as "nothing to
 * worry about": the submission goes on the worklist as its own kind of item, at least
 * yellow, with this reason.
 *
 * @param detail for the clinician (which value, rule or expression failed, and how)
 */
public record CouldNotAssess(Cause cause, String detail) {

	/**
	 * The failure kinds; the metric {@code heima.triage.unassessed} is tagged with them.
	 */
	public enum Cause {

		/**
		 * A questionnaire's scoring (FHIRPath) failed on this response, or a score is
		 * absent.
		 */
		SCORING,
		/** A value's unit is a valid unit of the vital but could not be converted. */
		UNIT,
		/** A stored rule of the pathway could not be read or applied. */
		RULE,
		/** A triage step threw. */
		ERROR,
		/** No rule applied, and the activity is not deliberately collect-only. */
		NO_RULE

	}

	public CouldNotAssess {
		detail = (detail == null || detail.isBlank()) ? cause.name() : truncate(detail);
	}

	private static String truncate(String text) {
		return (text.length() > 500) ? text.substring(0, 500) + "…" : text;
	}

}
