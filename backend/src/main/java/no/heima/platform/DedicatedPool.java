package no.heima.platform;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.r2dbc.ConnectionFactoryDecorator;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A small connection pool of a feature's own beside Boot's request pool, to the same
 * database: background work on it neither waits behind requests nor takes their
 * connections, and each side has a bounded budget the other cannot take (issue 13).
 * Deliberately not a {@code ConnectionFactory} bean: that would switch off Boot's
 * auto-configured request pool. The owner disposes it when it is destroyed.
 */
public final class DedicatedPool {

	private final ConnectionPool pool;

	private final DatabaseClient client;

	private DedicatedPool(R2dbcProperties r2dbc, String name, int maxSize,
			List<ConnectionFactoryDecorator> decorators) {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(r2dbc.getUrl())
			.mutate()
			.option(ConnectionFactoryOptions.USER, r2dbc.getUsername())
			.option(ConnectionFactoryOptions.PASSWORD, (r2dbc.getPassword() != null) ? r2dbc.getPassword() : "")
			// seen in pg_stat_activity, so a busy connection says whose it is
			.option(Option.valueOf("applicationName"), "heima-" + name)
			// a stuck statement frees its connection; background work retries later
			.option(Option.valueOf("statementTimeout"), Duration.ofSeconds(30))
			.build();
		this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
			.name(name)
			.initialSize(0)
			.maxSize(Math.max(1, maxSize))
			.maxIdleTime(Duration.ofMinutes(5))
			.maxAcquireTime(Duration.ofSeconds(30))
			.build());
		ConnectionFactory factory = this.pool;
		for (ConnectionFactoryDecorator decorator : decorators) {
			factory = decorator.decorate(factory);
		}
		this.client = DatabaseClient.create(factory);
	}

	/**
	 * A pool whose statements bypass what Boot puts around its own pool (proxies,
	 * observation): nothing that watches the requests' statements sees these.
	 * @param r2dbc the application's database settings
	 * @param name the pool's name ({@code heima-<name>} to PostgreSQL)
	 * @param maxSize most connections it holds (at least one)
	 */
	public static DedicatedPool undecorated(R2dbcProperties r2dbc, String name, int maxSize) {
		return new DedicatedPool(r2dbc, name, maxSize, List.of());
	}

	/**
	 * A pool wrapped, in their order, in the same decorators Boot puts around its own
	 * pool (proxies, observation).
	 * @param r2dbc the application's database settings
	 * @param name the pool's name ({@code heima-<name>} to PostgreSQL)
	 * @param maxSize most connections it holds (at least one)
	 * @param decorators Boot's connection-factory decorators, ordered
	 */
	public static DedicatedPool decorated(R2dbcProperties r2dbc, String name, int maxSize,
			List<ConnectionFactoryDecorator> decorators) {
		return new DedicatedPool(r2dbc, name, maxSize, List.copyOf(decorators));
	}

	public DatabaseClient client() {
		return this.client;
	}

	public void dispose() {
		this.pool.dispose();
	}

}
