package no.heima.fhirsync;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Write-back's own small connection pool. Delivery used the request pool: while patients
 * submit, every connection is taken by requests and the worker's claims and marks queued
 * behind them (1.2 deliveries a second under 32 submitters, issue 13); and a large
 * backlog being drained held connections that requests wanted. With a pool of its own
 * each side has a bounded budget the other cannot take. Not a {@code ConnectionFactory}
 * bean on purpose: that would switch off Boot's auto-configured request pool.
 */
@Component
class OutboxDatabase implements DisposableBean {

	private final ConnectionPool pool;

	private final DatabaseClient client;

	OutboxDatabase(R2dbcProperties r2dbc, FhirServerProperties properties) {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbc.getUrl())
			.mutate()
			.option(ConnectionFactoryOptions.USER, r2dbc.getUsername())
			.option(ConnectionFactoryOptions.PASSWORD, (r2dbc.getPassword() != null) ? r2dbc.getPassword() : "")
			.option(Option.valueOf("applicationName"), "heima-fhir-outbox")
			// a stuck statement frees its connection; the worker retries next round
			.option(Option.valueOf("statementTimeout"), Duration.ofSeconds(30))
			.build();
		int size = Math.max(1, properties.sync().connections());
		this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
			.name("fhir-outbox")
			.initialSize(0)
			.maxSize(size)
			.maxIdleTime(Duration.ofMinutes(5))
			.maxAcquireTime(Duration.ofSeconds(30))
			.build());
		this.client = DatabaseClient.create(this.pool);
	}

	DatabaseClient client() {
		return this.client;
	}

	/** How many connections the pool holds now (at most its budget). */
	int acquiredSize() {
		return this.pool.getMetrics().map((m) -> m.acquiredSize()).orElse(0);
	}

	@Override
	public void destroy() {
		this.pool.dispose();
	}

}
