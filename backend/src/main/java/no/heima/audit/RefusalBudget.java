package no.heima.audit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Bounds how many refusals by the security filters become audit rows per minute, per
 * actor and in all, on this instance: a logged-in caller hammering a route they may not
 * use would otherwise add one undeletable row per request, faster than any write limit
 * (the chain refuses before the write rate limit runs). Refusals over the budget are not
 * lost: their number goes into the actor's next row that is written.
 */
final class RefusalBudget {

	/** A caller's minute: how many rows were written, how many were held back. */
	private static final class Window {

		final long minute;

		final AtomicLong written = new AtomicLong();

		final AtomicLong withheld = new AtomicLong();

		Window(long minute) {
			this.minute = minute;
		}

	}

	/** What to do with one refusal: write it (noting earlier ones not written) or not. */
	record Decision(boolean write, long withheldBefore) {
	}

	/** The most actors tracked at once; past it the map is started afresh. */
	private static final int MAX_ACTORS = 10_000;

	private final long perActor;

	private final long total;

	private final LongSupplier minutes;

	private final ConcurrentHashMap<String, Window> actors = new ConcurrentHashMap<>();

	/** Held back in earlier minutes and not yet written into a row, per actor. */
	private final ConcurrentHashMap<String, AtomicLong> carried = new ConcurrentHashMap<>();

	private volatile Window all = new Window(-1);

	RefusalBudget(long perActor, long total, LongSupplier minutes) {
		this.perActor = perActor;
		this.total = total;
		this.minutes = minutes;
	}

	Decision admit(String actor) {
		long minute = this.minutes.getAsLong();
		if (this.actors.size() > MAX_ACTORS) {
			this.actors.clear();
		}
		Window mine = this.actors.compute(actor, (key, window) -> {
			if (window != null && window.minute == minute) {
				return window;
			}
			if (window != null && window.withheld.get() > 0) {
				this.carried.computeIfAbsent(key, (k) -> new AtomicLong()).addAndGet(window.withheld.get());
			}
			return new Window(minute);
		});
		Window everyone = this.all;
		if (everyone.minute != minute) {
			synchronized (this) {
				if (this.all.minute != minute) {
					this.all = new Window(minute);
				}
				everyone = this.all;
			}
		}
		if (mine.written.incrementAndGet() > this.perActor || everyone.written.incrementAndGet() > this.total) {
			mine.withheld.incrementAndGet();
			return new Decision(false, 0);
		}
		AtomicLong before = this.carried.remove(actor);
		long earlier = (before != null) ? before.get() : 0;
		return new Decision(true, earlier);
	}

	/** Refusals held back in the actor's current minute (for the log). */
	long withheldNow(String actor) {
		Window window = this.actors.get(actor);
		return (window != null && window.minute == this.minutes.getAsLong()) ? window.withheld.get() : 0;
	}

}
