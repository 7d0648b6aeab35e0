package no.heima.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class PeriodicWorkRunnerTest {

	@Test
	void aFailedRoundIsLoggedAndTheNextRoundRunsAsPlanned() {
		AtomicInteger rounds = new AtomicInteger();
		PeriodicWork work = PeriodicWork.of("failing every other round", true, Duration.ofSeconds(5),
				Duration.ofSeconds(10), () -> Mono.fromCallable(() -> {
					if (rounds.incrementAndGet() % 2 == 1) {
						throw new IllegalStateException("database away");
					}
					return "ok";
				}));
		StepVerifier.withVirtualTime(() -> PeriodicWorkRunner.loop(work))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(5))
			.thenAwait(Duration.ofSeconds(10))
			.expectNext("ok")
			.thenAwait(Duration.ofSeconds(20))
			.expectNext("ok")
			.thenCancel()
			.verify();
		assertThat(rounds).hasValue(4);
	}

	@Test
	void ticksThatComeWhileARoundRunsAreDroppedNotQueued() {
		AtomicInteger rounds = new AtomicInteger();
		// each round takes 35 s against a 10 s interval: 100 ticks in 1,000 s
		PeriodicWork slow = PeriodicWork.of("slow", true, Duration.ZERO, Duration.ofSeconds(10),
				() -> Mono.delay(Duration.ofSeconds(35)).doOnSubscribe((s) -> rounds.incrementAndGet()));
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		try {
			Disposable loop = PeriodicWorkRunner.loop(slow).subscribe();
			time.advanceTimeBy(Duration.ofSeconds(1000));
			loop.dispose();
		}
		finally {
			VirtualTimeScheduler.reset();
		}
		// one round at a time, never more rounds than fit in the time, no backlog of
		// ticks
		// (queued ticks would keep rounds going back to back long after 1,000 s)
		assertThat(rounds.get()).isBetween(20, 29);
	}

	@Test
	void workSwitchedOffIsNotRunAndStopEndsTheLoops() {
		AtomicInteger off = new AtomicInteger();
		AtomicInteger on = new AtomicInteger();
		PeriodicWorkRunner runner = new PeriodicWorkRunner(List.of(
				PeriodicWork.of("off", false, Duration.ZERO, Duration.ofMillis(10),
						() -> Mono.fromRunnable(off::incrementAndGet)),
				PeriodicWork.of("on", true, Duration.ZERO, Duration.ofHours(1),
						() -> Mono.fromRunnable(on::incrementAndGet))));
		runner.start();
		assertThat(runner.isRunning()).isTrue();
		Mono.delay(Duration.ofMillis(200)).block();
		runner.stop();
		assertThat(runner.isRunning()).isFalse();
		assertThat(off).hasValue(0);
		assertThat(on).hasValue(1);
	}

}
