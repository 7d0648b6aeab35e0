package no.heima.forecast;

/**
 * What one pathway activity did over the window: tasks scheduled (by the plans' own task
 * computation), tasks done, yellow or red items its submissions raised, missed-task
 * items.
 */
record Observed(long scheduled, long done, long alerts, long missed) {

	static final Observed NONE = new Observed(0, 0, 0, 0);

	Observed plus(Observed other) {
		return new Observed(this.scheduled + other.scheduled, this.done + other.done, this.alerts + other.alerts,
				this.missed + other.missed);
	}

}
