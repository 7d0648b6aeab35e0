package no.heima.export;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * Reads that stream for as long as the download lasts. Every connection has a statement
 * time-out as long as the request time-out; these run in a read-only transaction of their
 * own with no time-out ({@code SET LOCAL} ends with the transaction, so the pooled
 * connection comes back as it was), which also makes the whole file one consistent
 * snapshot. The cost: a long transaction holds back vacuum while it runs.
 */
@Component
class LongReads {

	private final DatabaseClient db;

	private final TransactionalOperator tx;

	LongReads(DatabaseClient db, TransactionalOperator tx) {
		this.db = db;
		this.tx = tx;
	}

	<T> Flux<T> stream(Flux<T> query) {
		return this.tx.transactional(this.db.sql("set transaction read only")
			.then()
			.then(this.db.sql("set local statement_timeout = 0").then())
			.thenMany(query));
	}

}
