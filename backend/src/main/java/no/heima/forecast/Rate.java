package no.heima.forecast;

/**
 * The rates the forecast uses for one activity, and what they rest on.
 *
 * @param done share of scheduled tasks done
 * @param alertShare share of submissions that raised a yellow or red item
 * @param missed missed-task items per scheduled task
 * @param itemsPerTask expected worklist items per scheduled task
 * ({@code done × alertShare + missed})
 * @param basis OBSERVED (enough history of its own), POOLED (leaning on the rates of all
 * the teams' activities) or DEFAULT (leaning on the configured defaults: too little
 * history anywhere)
 */
record Rate(double done, double alertShare, double missed, double itemsPerTask, Basis basis) {

	enum Basis {

		OBSERVED, POOLED, DEFAULT

	}

	/**
	 * The rates of {@code own} shrunk towards a prior: the pooled rates when the pool has
	 * enough history, else the configured defaults. An activity that only collects
	 * (watched by no rule) raises no yellow or red items.
	 */
	static Rate of(Observed own, Observed pool, boolean watched, ForecastProperties p) {
		boolean pooled = pool.scheduled() >= p.minHistory() && pool.done() > 0;
		double priorDone = pooled ? ratio(pool.done(), pool.scheduled()) : p.priorDone();
		double priorAlert = pooled ? ratio(pool.alerts(), pool.done()) : p.priorAlertShare();
		double priorMissed = pooled ? ratio(pool.missed(), pool.scheduled()) : p.priorMissed();
		double k = p.priorWeight();
		double done = (own.done() + k * priorDone) / (own.scheduled() + k);
		double alert = watched ? (own.alerts() + k * priorDone * priorAlert) / (own.done() + k * priorDone) : 0;
		double missed = (own.missed() + k * priorMissed) / (own.scheduled() + k);
		Basis basis = (own.scheduled() >= p.minHistory()) ? Basis.OBSERVED : pooled ? Basis.POOLED : Basis.DEFAULT;
		return new Rate(done, alert, missed, done * alert + missed, basis);
	}

	private static double ratio(long a, long b) {
		return (b == 0) ? 0 : (double) a / b;
	}

}
