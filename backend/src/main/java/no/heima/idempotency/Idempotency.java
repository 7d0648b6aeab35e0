package no.heima.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs a submission at most once per (caller, key), replaying the stored answer on
 * retries.
 */
@Service
public class Idempotency {

	private static final int MAX_KEY_LENGTH = 200;

	private final DatabaseClient db;

	private final TransactionalOperator tx;

	Idempotency(DatabaseClient db, TransactionalOperator tx) {
		this.db = db;
		this.tx = tx;
	}

	/**
	 * Runs {@code work} and stores its answer in one transaction, unless this caller
	 * already used {@code key}: then the stored answer comes back (same body) or a 409
	 * problem (other body).
	 */
	public Mono<StoredResponse> execute(String owner, String key, String body, Supplier<Mono<StoredResponse>> work) {
		if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			return Mono.error(HeimaProblemException.validation(List.of(new FieldProblem("Idempotency-Key", "required",
					"Send an Idempotency-Key header (1-" + MAX_KEY_LENGTH + " characters) with every submission"))));
		}
		String hash = sha256(body);
		// The work runs first and the record is written once, with its answer, at the end
		// of the same transaction (one statement, not an insert and an update). A second
		// request with this key meets the first's row in the unique index (waiting for it
		// to commit when both run at once), rolls its own work back and replays. A row
		// without a status (left by versions that wrote the record first) is taken over.
		Mono<StoredResponse> attempt = Mono.defer(work)
			// work that answers nothing must not leave a record without an answer
			.switchIfEmpty(Mono
				.error(new HeimaProblemException(ProblemType.MALFORMED_REQUEST, "The submission could not be read")))
			.flatMap((answer) -> store(owner, key, hash, answer)
				.flatMap((stored) -> (stored == 1) ? Mono.just(answer) : Mono.error(new AlreadyAnswered())));
		return this.tx.transactional(attempt)
			// a retried body that is refused now answers as its first attempt did
			// (the stored answer, or the key-reuse problem)
			.onErrorResume(HeimaProblemException.class,
					(refused) -> replay(owner, key, hash).switchIfEmpty(Mono.error(refused)))
			.onErrorResume(AlreadyAnswered.class, (ex) -> replay(owner, key, hash));
	}

	private Mono<Long> store(String owner, String key, String hash, StoredResponse answer) {
		var insert = this.db.sql("""
				insert into idempotency_record (owner, key, request_hash, status, location, response)
				values (:owner, :key, :hash, :status, :location, :response)
				on conflict (owner, key) do update set request_hash = excluded.request_hash, status = excluded.status,
				  location = excluded.location, response = excluded.response, created_at = now()
				where idempotency_record.status is null
				""")
			.bind("owner", owner)
			.bind("key", key)
			.bind("hash", hash)
			.bind("status", answer.status())
			.bind("response", answer.json());
		insert = (answer.location() == null) ? insert.bindNull("location", String.class)
				: insert.bind("location", answer.location());
		return insert.fetch().rowsUpdated();
	}

	/** Another request with this key committed first: this one's work is rolled back. */
	private static final class AlreadyAnswered extends RuntimeException {

		AlreadyAnswered() {
			super("already answered", null, false, false);
		}

	}

	private Mono<StoredResponse> replay(String owner, String key, String hash) {
		return this.db.sql("select * from idempotency_record where owner = :owner and key = :key")
			.bind("owner", owner)
			.bind("key", key)
			.map((row) -> new Object[] { row.get("request_hash", String.class), row.get("status", Integer.class),
					row.get("location", String.class), row.get("response", String.class) })
			.one()
			.filter((row) -> row[1] != null)
			.flatMap((row) -> {
				if (!hash.equals(row[0])) {
					return Mono.error(new HeimaProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
							"This Idempotency-Key was used for a different submission"));
				}
				return Mono.just(new StoredResponse((Integer) row[1], (String) row[2], (String) row[3]));
			});
	}

	private static String sha256(String body) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
