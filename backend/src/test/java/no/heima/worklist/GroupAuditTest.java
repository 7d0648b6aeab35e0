package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The live streams' audit rows are written together: what comes within the window is one
 * insert, a caller hears of it only once its rows are written, and a failed insert fails
 * every caller of that batch.
 */
class GroupAuditTest {

	private final List<List<AuditEntry>> inserts = new CopyOnWriteArrayList<>();

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	@Test
	void rowsOfManyStreamsWithinTheWindowAreOneInsertAndEachCallerWaitsForIt() {
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		GroupAudit audit = new GroupAudit(this::insert, Duration.ofMillis(20), 256);
		AtomicBoolean firstDone = new AtomicBoolean();
		AtomicBoolean secondDone = new AtomicBoolean();
		audit.record(List.of(row("sykepleier1"), row("sykepleier1"))).subscribe(null, null, () -> firstDone.set(true));
		time.advanceTimeBy(Duration.ofMillis(10));
		audit.record(List.of(row("sykepleier2"))).subscribe(null, null, () -> secondDone.set(true));
		time.advanceTimeBy(Duration.ofMillis(9));
		assertThat(this.inserts).isEmpty();
		assertThat(firstDone).isFalse();

		time.advanceTimeBy(Duration.ofMillis(1));
		assertThat(this.inserts).hasSize(1);
		assertThat(this.inserts.get(0)).extracting(AuditEntry::actorSubject)
			.containsExactly("sykepleier1", "sykepleier1", "sykepleier2");
		assertThat(firstDone).isTrue();
		assertThat(secondDone).isTrue();

		// the next window is an insert of its own
		audit.record(List.of(row("sykepleier3"))).subscribe();
		time.advanceTimeBy(Duration.ofMillis(20));
		assertThat(this.inserts).hasSize(2);
		audit.dispose();
	}

	@Test
	void aFailedInsertFailsEveryCallerOfItsBatchAndTheNextBatchIsWrittenAgain() {
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		AtomicBoolean failing = new AtomicBoolean(true);
		GroupAudit audit = new GroupAudit(
				(rows) -> failing.get() ? Mono.error(new IllegalStateException("down")) : insert(rows),
				Duration.ofMillis(20), 256);
		AtomicReference<Throwable> first = new AtomicReference<>();
		AtomicReference<Throwable> second = new AtomicReference<>();
		audit.record(List.of(row("sykepleier1"))).subscribe(null, first::set);
		audit.record(List.of(row("sykepleier2"))).subscribe(null, second::set);
		time.advanceTimeBy(Duration.ofMillis(20));
		assertThat(first.get()).hasMessage("down");
		assertThat(second.get()).hasMessage("down");

		failing.set(false);
		AtomicBoolean done = new AtomicBoolean();
		audit.record(List.of(row("sykepleier1"))).subscribe(null, null, () -> done.set(true));
		time.advanceTimeBy(Duration.ofMillis(20));
		assertThat(done).isTrue();
		assertThat(this.inserts).hasSize(1);
		audit.dispose();
	}

	@Test
	void noRowsNeedNoInsert() {
		GroupAudit audit = new GroupAudit(this::insert, Duration.ofMillis(20), 256);
		assertThat(audit.record(List.of()).block(Duration.ofSeconds(1))).isNull();
		assertThat(this.inserts).isEmpty();
		audit.dispose();
	}

	private Mono<Void> insert(List<AuditEntry> rows) {
		return Mono.fromRunnable(() -> this.inserts.add(rows));
	}

	private static AuditEntry row(String subject) {
		return new AuditEntry(subject, subject, "CLINICIAN", UUID.randomUUID(), AuditAction.READ, "WorklistItem",
				AuditOutcome.SUCCESS, "worklist update");
	}

}
