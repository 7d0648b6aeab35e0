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
		// A row without a status is an attempt that never completed (stored by versions
		// that
		// could commit one): it is taken over, not replayed.
		Mono<StoredResponse> attempt = this.db.sql("""
				insert into idempotency_record (owner, key, request_hash) values (:owner, :key, :hash)
				on conflict (owner, key) do update set request_hash = excluded.request_hash, created_at = now()
				where idempotency_record.status is null
				""")
			.bind("owner", owner)
			.bind("key", key)
			.bind("hash", hash)
			.fetch()
			.rowsUpdated()
			.flatMap((inserted) -> (inserted == 1) ? work.get()
				// work that answers nothing must not leave a record without an answer
				.switchIfEmpty(Mono.error(
						new HeimaProblemException(ProblemType.MALFORMED_REQUEST, "The submission could not be read")))
				.flatMap((answer) -> store(owner, key, answer)) : replay(owner, key, hash));
		return this.tx.transactional(attempt);
	}

	private Mono<StoredResponse> store(String owner, String key, StoredResponse answer) {
		var update = this.db
			.sql("update idempotency_record set status = :status, location = :location, response = :response"
					+ " where owner = :owner and key = :key")
			.bind("owner", owner)
			.bind("key", key)
			.bind("status", answer.status())
			.bind("response", answer.json());
		update = (answer.location() == null) ? update.bindNull("location", String.class)
				: update.bind("location", answer.location());
		return update.then().thenReturn(answer);
	}

	private Mono<StoredResponse> replay(String owner, String key, String hash) {
		return this.db.sql("select * from idempotency_record where owner = :owner and key = :key")
			.bind("owner", owner)
			.bind("key", key)
			.map((row) -> new Object[] { row.get("request_hash", String.class), row.get("status", Integer.class),
					row.get("location", String.class), row.get("response", String.class) })
			.one()
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
