package no.heima.fhirsync;

import java.time.Duration;

/**
 * How many rows one replica puts into a transaction bundle, fitted to what the FHIR
 * server takes within the bundle time-out (issue 13), additive increase and
 * multiplicative decrease as TCP's window: a bundle that timed out or was too large
 * halves the size (down to 1), and every bundle that went through at the current size
 * well inside the time-out (under half of it) adds one, up to {@code batch-size}. A
 * slow-but-working server thus gets bundles it can finish instead of being taken for
 * down.
 * <p>
 * The halving is of the failed bundle's size, not of the current one: lanes whose bundles
 * time out together (they were sent at the same size) halve it once, not once each.
 */
final class BundleSize {

	private final int most;

	private int current;

	BundleSize(int most) {
		this.most = Math.max(1, most);
		this.current = this.most;
	}

	synchronized int current() {
		return this.current;
	}

	/** A bundle of {@code size} timed out or was too large; returns the new size. */
	synchronized int shrink(int size) {
		this.current = Math.max(1, Math.min(this.current, size / 2));
		return this.current;
	}

	/**
	 * A bundle of {@code size} went through in {@code took}; grows by one when it was
	 * sent at the current size (a smaller one, from a short claim, says nothing about
	 * larger ones) in under half of {@code timeout}. Returns the new size.
	 */
	synchronized int grow(int size, Duration took, Duration timeout) {
		if (size >= this.current && took.multipliedBy(2).compareTo(timeout) < 0) {
			this.current = Math.min(this.most, this.current + 1);
		}
		return this.current;
	}

}
