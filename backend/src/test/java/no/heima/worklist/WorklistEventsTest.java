package no.heima.worklist;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import reactor.test.StepVerifier;

/**
 * A worklist stream busy with one change still gets the changes that came meanwhile (the
 * live push of a red item must not depend on the stream being idle at that moment).
 */
class WorklistEventsTest {

	@Test
	void changesThatComeWhileAStreamIsBusyAreKeptForIt() {
		WorklistEvents events = new WorklistEvents(new R2dbcProperties());
		WorklistEvents.Change first = new WorklistEvents.Change("raised", UUID.randomUUID(), "hjerte");
		WorklistEvents.Change second = new WorklistEvents.Change("raised", UUID.randomUUID(), "hjerte");
		StepVerifier.create(events.changes(), 0)
			.then(() -> events.publish(first))
			.then(() -> events.publish(second))
			.thenRequest(2)
			.expectNext(first, second)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

}
