package no.heima.worklist;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.platform.DedicatedPool;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The live worklist streams' own small connection pool. On the requests' pool a change
 * waited for a connection behind the submissions that caused it, twice per event and
 * stream (a read and an audit row): at 32 submitting patients a stream served about one
 * change a second while ten or more came in, so a red item queued behind minutes of
 * others (issue 13). With a pool of its own the stream's work never waits behind
 * submissions, and it cannot take their connections either.
 */
@Component
class StreamDatabase implements DisposableBean {

	private final DedicatedPool pool;

	private final AuditLog audit;

	StreamDatabase(R2dbcProperties r2dbc, WorklistStreamProperties properties, AuditLog audit,
			ObjectProvider<ConnectionFactoryDecorator> decorators) {
		this.audit = audit;
		// what Boot puts around its own pool (proxies, observation) goes around this one
		// too
		this.pool = DedicatedPool.decorated(r2dbc, "worklist-stream", properties.connections(),
				decorators.orderedStream().toList());
	}

	/** The items as they are now, in one statement; ids no longer there are left out. */
	Flux<WorklistItem> items(Collection<UUID> ids, Instant now) {
		return this.pool.client()
			.sql("select * from worklist_item where id = any(:ids)")
			.bind("ids", ids.toArray(UUID[]::new))
			.map((row) -> WorklistRepository.toItem(row, now))
			.all();
	}

	/** Many audit rows in one insert. */
	Mono<Void> audit(List<AuditEntry> entries) {
		return this.audit.recordAll(entries, this.pool.client());
	}

	@Override
	public void destroy() {
		this.pool.dispose();
	}

}
