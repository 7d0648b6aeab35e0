package no.heima.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * The counters of what Heima is for, on {@code /actuator/prometheus}: submissions
 * accepted (by kind and triage level) and alerts raised on a worklist (by level). Every
 * known series is registered at zero at start-up, so dashboards and alert rules see it
 * before the first event (and {@code increase()} works from the first one). Gauges of
 * state (worklist open and over deadline, outbox) live with the feature that owns the
 * state. Names and meaning: {@code deploy/RUNBOOK.md}.
 */
@Component
public class DomainMetrics {

	/** Counter {@code heima_submissions_accepted_total{kind, level}}. */
	public static final String SUBMISSIONS = "heima.submissions.accepted";

	/** Counter {@code heima_alerts_raised_total{level}}. */
	public static final String ALERTS = "heima.alerts.raised";

	private static final List<String> KINDS = List.of("measurement", "response");

	private static final List<String> TRIAGE_LEVELS = List.of("GREEN", "YELLOW", "RED");

	private static final List<String> ALERT_LEVELS = List.of("YELLOW", "RED", "MISSING");

	private final MeterRegistry meters;

	public DomainMetrics(MeterRegistry meters) {
		this.meters = meters;
		KINDS.forEach((kind) -> TRIAGE_LEVELS.forEach((level) -> submissions(kind, level)));
		ALERT_LEVELS.forEach(this::alerts);
	}

	/**
	 * A patient's submission was stored (after its transaction committed).
	 * @param kind {@code measurement} or {@code response}
	 * @param level the triage level it got
	 */
	public void submissionAccepted(String kind, Object level) {
		submissions(kind, String.valueOf(level)).increment();
	}

	/**
	 * A new item went on a worklist (raising the same one twice counts once): counted
	 * when the caller's transaction commits, not at all when it rolls back; at once when
	 * there is no transaction.
	 */
	public Mono<Void> alertRaised(String level) {
		Counter counter = alerts(level);
		return TransactionSynchronizationManager.forCurrentTransaction()
			.doOnNext((tx) -> tx.registerSynchronization(new TransactionSynchronization() {
				@Override
				public Mono<Void> afterCommit() {
					counter.increment();
					return Mono.empty();
				}
			}))
			.onErrorResume(NoTransactionException.class, (none) -> {
				counter.increment();
				return Mono.empty();
			})
			.then();
	}

	private Counter submissions(String kind, String level) {
		return Counter.builder(SUBMISSIONS)
			.description("Submissions stored, by kind and triage level")
			.tag("kind", kind.toLowerCase(Locale.ROOT))
			.tag("level", level)
			.register(this.meters);
	}

	private Counter alerts(String level) {
		return Counter.builder(ALERTS)
			.description("Items raised on a care team's worklist, by level")
			.tag("level", String.valueOf(level))
			.register(this.meters);
	}

}
