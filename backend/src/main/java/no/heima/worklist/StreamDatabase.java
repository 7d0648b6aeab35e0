package no.heima.worklist;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The live worklist streams' own small connection pool. On the requests' pool a change
 * waited for a connection behind the submissions that caused it, twice per event and
 * stream (a read and an audit row): at 32 submitting patients a stream served about one
 * change a second while ten or more came in, so a red item queued behind minutes of
 * others (issue 13). With a pool of its own the stream's work never waits behind
 * submissions, and it cannot take their connections either. Not a
 * {@code ConnectionFactory} bean on purpose: that would switch off Boot's auto-configured
 * request pool.
 */
@Component
class StreamDatabase implements DisposableBean {

	private final ConnectionPool pool;

	private final DatabaseClient client;

	private final AuditLog audit;

	StreamDatabase(R2dbcProperties r2dbc, WorklistStreamProperties properties, AuditLog audit,
			ObjectProvider<ConnectionFactoryDecorator> decorators) {
		this.audit = audit;
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbc.getUrl())
			.mutate()
			.option(ConnectionFactoryOptions.USER, r2dbc.getUsername())
			.option(ConnectionFactoryOptions.PASSWORD, (r2dbc.getPassword() != null) ? r2dbc.getPassword() : "")
			.option(Option.valueOf("applicationName"), "heima-worklist-stream")
			.option(Option.valueOf("statementTimeout"), Duration.ofSeconds(30))
			.build();
		this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
			.name("worklist-stream")
			.initialSize(0)
			.maxSize(Math.max(1, properties.connections()))
			.maxIdleTime(Duration.ofMinutes(5))
			.maxAcquireTime(Duration.ofSeconds(30))
			.build());
		// what Boot puts around its own pool (proxies, observation) goes around this one
		// too
		ConnectionFactory factory = this.pool;
		for (ConnectionFactoryDecorator decorator : decorators.orderedStream().toList()) {
			factory = decorator.decorate(factory);
		}
		this.client = DatabaseClient.create(factory);
	}

	/** The items as they are now, in one statement; ids no longer there are left out. */
	Flux<WorklistItem> items(Collection<UUID> ids, Instant now) {
		return this.client.sql("select * from worklist_item where id = any(:ids)")
			.bind("ids", ids.toArray(UUID[]::new))
			.map((row) -> WorklistRepository.toItem(row, now))
			.all();
	}

	/** Many audit rows in one insert. */
	Mono<Void> audit(List<AuditEntry> entries) {
		return this.audit.recordAll(entries, this.client);
	}

	@Override
	public void destroy() {
		this.pool.dispose();
	}

}
