package no.heima.triage;

/** Triage levels, in rising severity. */
public enum Level {

	GREEN, YELLOW, RED;

	public Level worst(Level other) {
		return (other.ordinal() > ordinal()) ? other : this;
	}

}
