package no.heima.fhirsync;

import no.heima.platform.DedicatedPool;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Write-back's own small connection pool. Delivery used the request pool: while patients
 * submit, every connection is taken by requests and the worker's claims and marks queued
 * behind them (1.2 deliveries a second under 32 submitters, issue 13); and a large
 * backlog being drained held connections that requests wanted. With a pool of its own
 * each side has a bounded budget the other cannot take. Undecorated: the worker's
 * statements stay out of what counts the requests' statements.
 */
@Component
class OutboxDatabase implements DisposableBean {

	private final DedicatedPool pool;

	OutboxDatabase(R2dbcProperties r2dbc, FhirServerProperties properties) {
		this.pool = DedicatedPool.undecorated(r2dbc, "fhir-outbox", properties.sync().connections());
	}

	DatabaseClient client() {
		return this.pool.client();
	}

	@Override
	public void destroy() {
		this.pool.dispose();
	}

}
