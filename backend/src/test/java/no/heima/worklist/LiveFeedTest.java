package no.heima.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import no.heima.audit.AuditEntry;
import no.heima.identity.CurrentUser;
import no.heima.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The live streams share one read per batch of changes, send each clinician only their
 * teams' items, audit every item before it is sent (in shared inserts), and tell a stream
 * that fell behind (or met a failed read or audit) to reload instead of leaving it short.
 */
class LiveFeedTest {

	private final WorklistEvents events = new WorklistEvents(new R2dbcProperties());

	private final Map<UUID, WorklistItem> store = new ConcurrentHashMap<>();

	private final List<List<UUID>> reads = new CopyOnWriteArrayList<>();

	private final List<List<AuditEntry>> inserts = new CopyOnWriteArrayList<>();

	private final List<Disposable> open = new ArrayList<>();

	private LiveFeed feed;

	@AfterEach
	void close() {
		this.open.forEach(Disposable::dispose);
		if (this.feed != null) {
			this.feed.destroy();
		}
	}

	@Test
	void nChangesToMStreamsAreReadOnceEachAndEveryDeliveredItemIsAudited() {
		this.feed = feed(WorklistStreamProperties.defaults(), this::insert);
		int streams = 5;
		int changes = 200;
		List<List<LiveFeed.Pushed>> received = new ArrayList<>();
		for (int i = 0; i < streams; i++) {
			received.add(subscribe(nurse("sykepleier" + i, "hjerte")));
		}
		List<UUID> published = publish(changes, "hjerte");

		await(() -> received.stream().allMatch((r) -> r.size() == changes));
		for (List<LiveFeed.Pushed> stream : received) {
			assertThat(stream).extracting((p) -> p.item().id()).containsExactlyElementsOf(published);
		}
		// every change read once for all five streams (not once per stream), in batches
		List<UUID> read = this.reads.stream().flatMap(List::stream).toList();
		assertThat(read).hasSize(changes).containsExactlyInAnyOrderElementsOf(published);
		assertThat(this.feed.reads()).isEqualTo(this.reads.size()).isLessThanOrEqualTo(changes);
		// one row per delivered item and clinician, far fewer inserts than rows
		List<AuditEntry> rows = this.inserts.stream().flatMap(List::stream).toList();
		assertThat(rows).hasSize(changes * streams);
		for (int i = 0; i < streams; i++) {
			String subject = "sykepleier" + i;
			assertThat(rows.stream().filter((r) -> r.actorSubject().equals(subject)).map(AuditEntry::patientId))
				.containsExactlyInAnyOrderElementsOf(
						published.stream().map((id) -> this.store.get(id).patientId()).toList());
		}
		assertThat(this.inserts.size()).isLessThan(changes);
		System.out.printf("LiveFeed: %d changes to %d streams: %d reads, %d audit inserts (%d rows)%n", changes,
				streams, this.reads.size(), this.inserts.size(), rows.size());
	}

	@Test
	void anotherTeamGetsNothingAndNothingIsAuditedForIt() {
		this.feed = feed(WorklistStreamProperties.defaults(), this::insert);
		List<LiveFeed.Pushed> lunge = subscribe(nurse("sykepleier2", "lunge"));
		List<LiveFeed.Pushed> hjerte = subscribe(nurse("sykepleier1", "hjerte"));
		publish(3, "hjerte");
		await(() -> hjerte.size() == 3);
		pause(100);
		assertThat(lunge).isEmpty();
		assertThat(this.inserts.stream().flatMap(List::stream)).extracting(AuditEntry::actorSubject)
			.containsOnly("sykepleier1");
	}

	@Test
	void anItemIsSentOnlyOnceItsAuditRowIsWritten() {
		Sinks.Empty<Void> written = Sinks.empty();
		this.feed = feed(WorklistStreamProperties.defaults(),
				(rows) -> written.asMono().then(Mono.fromRunnable(() -> this.inserts.add(rows))));
		List<LiveFeed.Pushed> received = subscribe(nurse("sykepleier1", "hjerte"));
		publish(1, "hjerte");
		await(() -> this.reads.size() == 1);
		pause(200);
		assertThat(received).isEmpty();
		written.tryEmitEmpty();
		await(() -> received.size() == 1);
		assertThat(this.inserts).hasSize(1);
	}

	@Test
	void aFailedAuditInsertSendsReloadInsteadOfUnauditedItems() {
		AtomicBoolean failing = new AtomicBoolean(true);
		this.feed = feed(WorklistStreamProperties.defaults(),
				(rows) -> failing.get() ? Mono.error(new IllegalStateException("audit down")) : insert(rows));
		List<LiveFeed.Pushed> received = subscribe(nurse("sykepleier1", "hjerte"));
		publish(3, "hjerte");
		await(() -> !received.isEmpty());
		pause(100);
		assertThat(received).containsOnly(LiveFeed.Pushed.RELOAD);

		failing.set(false);
		List<UUID> later = publish(1, "hjerte");
		await(() -> received.stream().anyMatch((p) -> !p.reload()));
		assertThat(received.get(received.size() - 1).item().id()).isEqualTo(later.get(0));
	}

	@Test
	void aFailedReadTellsTheStreamsToReload() {
		AtomicBoolean failing = new AtomicBoolean(true);
		this.feed = new LiveFeed(this.events, (ids, now) -> {
			this.reads.add(List.copyOf(ids));
			return failing.get() ? Flux.error(new IllegalStateException("database down")) : read(ids);
		}, this::insert, WorklistStreamProperties.defaults(), Clock.systemUTC());
		List<LiveFeed.Pushed> received = subscribe(nurse("sykepleier1", "hjerte"));
		publish(1, "hjerte");
		await(() -> received.contains(LiveFeed.Pushed.RELOAD));

		failing.set(false);
		publish(1, "hjerte");
		await(() -> received.size() == 2);
		assertThat(received.get(1).reload()).isFalse();
	}

	@Test
	void aStreamThatFallsBehindGetsReloadAndTheNewestChanges() {
		WorklistStreamProperties small = new WorklistStreamProperties(2, Duration.ofMillis(20), 4, 8);
		this.feed = feed(small, this::insert);
		List<LiveFeed.Pushed> received = new CopyOnWriteArrayList<>();
		BaseSubscriber<LiveFeed.Pushed> slow = new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				// takes nothing until asked below: a client whose connection is stuck
			}

			@Override
			protected void hookOnNext(LiveFeed.Pushed pushed) {
				received.add(pushed);
			}
		};
		this.feed.forUser(nurse("sykepleier1", "hjerte")).subscribe(slow);
		this.open.add(slow);
		int changes = 1_000;
		List<UUID> published = publish(changes, "hjerte");
		// the shared feed reads every change (it keeps up: its reads are instant here),
		// so
		// a reload can only come from this stream's own buffer; the stream takes nothing
		await(() -> this.reads.stream().mapToInt(List::size).sum() == changes);
		pause(200);

		slow.request(Long.MAX_VALUE);
		UUID newest = published.get(changes - 1);
		await(() -> received.stream().anyMatch((p) -> !p.reload() && p.item().id().equals(newest)));
		assertThat(received).contains(LiveFeed.Pushed.RELOAD);
		List<LiveFeed.Pushed> items = received.stream().filter((p) -> !p.reload()).toList();
		assertThat(items.size()).isLessThan(changes);
		// what it was sent is audited, no more and no less
		assertThat(this.inserts.stream().mapToInt(List::size).sum()).isEqualTo(items.size());
		assertThat(this.feed.reloads()).isPositive();
	}

	@Test
	void noOpenStreamNoRead() {
		this.feed = feed(WorklistStreamProperties.defaults(), this::insert);
		publish(5, "hjerte");
		pause(200);
		assertThat(this.reads).isEmpty();
	}

	private LiveFeed feed(WorklistStreamProperties properties,
			java.util.function.Function<List<AuditEntry>, Mono<Void>> writer) {
		return new LiveFeed(this.events, (ids, now) -> {
			this.reads.add(List.copyOf(ids));
			return read(ids);
		}, writer, properties, Clock.systemUTC());
	}

	private Flux<WorklistItem> read(List<UUID> ids) {
		return Flux.fromIterable(ids).mapNotNull(this.store::get);
	}

	private Mono<Void> insert(List<AuditEntry> rows) {
		return Mono.fromRunnable(() -> this.inserts.add(rows));
	}

	private List<LiveFeed.Pushed> subscribe(CurrentUser user) {
		List<LiveFeed.Pushed> received = new CopyOnWriteArrayList<>();
		this.open.add(this.feed.forUser(user).subscribe(received::add));
		return received;
	}

	private List<UUID> publish(int count, String team) {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID id = UUID.randomUUID();
			this.store.put(id, item(id, team));
			ids.add(id);
			this.events.publish(new WorklistEvents.Change("raised", id, team));
		}
		return ids;
	}

	private static CurrentUser nurse(String subject, String team) {
		return new CurrentUser(subject, subject, Set.of(Role.CLINICIAN), List.of(team), null, "nb");
	}

	private static WorklistItem item(UUID id, String team) {
		Instant raised = Instant.now();
		return new WorklistItem(id, UUID.randomUUID(), "Kari Nordvik", UUID.randomUUID(), team, "MEASUREMENT",
				UUID.randomUUID().toString(), "bp", "RED", "Blodtrykk 182/110", "{}", raised, raised.plusSeconds(7200),
				false, "OPEN", null, null, null, null, null, null, null, null, null, 1);
	}

	private static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within 20 s");
			}
			pause(10);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
