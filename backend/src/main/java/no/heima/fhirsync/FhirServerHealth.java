package no.heima.fhirsync;

import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What write-back knows about the FHIR server, on {@code /actuator/health} (component
 * {@code fhirServer}) and the admin outbox API. A configuration error (wrong base URL, no
 * CapabilityStatement) is DOWN: it needs a person, and rows wait instead of parking. An
 * unreachable server is UP with its state: Heima keeps accepting and queues, and a probe
 * releases the waiting rows when the server is back.
 */
@Component("fhirServerHealthIndicator")
class FhirServerHealth implements ReactiveHealthIndicator {

	enum State {

		/** No base URL or write-back switched off. */
		OFF,
		/** Not checked yet. */
		UNCHECKED,
		/** Answers with an R4 CapabilityStatement; rows are being delivered. */
		READY,
		/** No answer, 5xx, 429 or 401: transient, rows wait and a probe watches. */
		UNAVAILABLE,
		/** Answers, but not as the FHIR R4 server configured: a person must fix it. */
		MISCONFIGURED

	}

	/** The state with its reason and since when. */
	record Snapshot(State state, String detail, Instant since) {
	}

	private volatile Snapshot snapshot = new Snapshot(State.UNCHECKED, null, Instant.now());

	Snapshot snapshot() {
		return this.snapshot;
	}

	State state() {
		return this.snapshot.state();
	}

	/** Records a state; returns the one before. */
	synchronized State set(State state, String detail) {
		State before = this.snapshot.state();
		if (before != state || (detail != null && !detail.equals(this.snapshot.detail()))) {
			this.snapshot = new Snapshot(state, detail, (before != state) ? Instant.now() : this.snapshot.since());
		}
		return before;
	}

	@Override
	public Mono<Health> health() {
		Snapshot now = this.snapshot;
		Health.Builder health = switch (now.state()) {
			case MISCONFIGURED -> Health.down();
			case UNCHECKED -> Health.unknown();
			default -> Health.up();
		};
		health.withDetail("state", now.state().name()).withDetail("since", now.since().toString());
		if (now.detail() != null) {
			health.withDetail("detail", now.detail());
		}
		return Mono.just(health.build());
	}

}
