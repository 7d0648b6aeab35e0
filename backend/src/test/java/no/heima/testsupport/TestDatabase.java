package no.heima.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place tests get a PostgreSQL from, in this order:
 *
 * <ol>
 * <li>{@code HEIMA_TEST_DB_URL} (a server, as {@code postgresql://host:port}; user from
 * {@code HEIMA_TEST_DB_USER}, default postgres; password {@code HEIMA_TEST_DB_PASSWORD});
 * <li>a PostgreSQL answering on 127.0.0.1:5432 (user postgres, trust auth);
 * <li>Testcontainers, when a Docker engine is there;
 * <li>an embedded PostgreSQL (zonky).
 * </ol>
 *
 * On a shared server each JVM creates its own database and drops it at exit, so
 * concurrent runs never see each other's rows. Never H2: the schema uses PostgreSQL
 * features on purpose.
 */
public final class TestDatabase {

	/**
	 * {@code url} is {@code postgresql://host:port/database}, the form
	 * {@code heima.db.url} takes.
	 */
	public record Server(String url, String username, String password) {
	}

	/** A login role of the test server. */
	public record Role(String username, String password) {
	}

	private static Server server;

	private static Role appRole;

	private TestDatabase() {
	}

	public static synchronized Server get() {
		if (server == null) {
			server = start();
		}
		return server;
	}

	/**
	 * A login role of its own for the application, as in production: not the owner of
	 * anything, so it only has the privileges the migrations' owner grants it (Flyway
	 * migrates as {@link #get()}'s user). Dropped at exit after this run's database.
	 */
	public static synchronized Role appRole() {
		if (appRole == null) {
			Server db = get();
			String name = "heima_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			String password = UUID.randomUUID().toString();
			String jdbc = "jdbc:" + db.url();
			execute(jdbc, db.username(), db.password(), "create role " + name + " login password '" + password + "'");
			String database = db.url().substring(db.url().lastIndexOf('/') + 1);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				String admin = jdbc.substring(0, jdbc.lastIndexOf('/')) + "/postgres";
				if (database.startsWith("heima_test_")) {
					// the role's grants live in the database: it goes first
					executeQuietly(admin, db.username(), db.password(),
							"drop database if exists " + database + " with (force)");
				}
				executeQuietly(admin, db.username(), db.password(), "drop role if exists " + name);
			}));
			appRole = new Role(name, password);
		}
		return appRole;
	}

	private static void executeQuietly(String jdbcUrl, String user, String password, String sql) {
		try {
			execute(jdbcUrl, user, password, sql);
		}
		catch (IllegalStateException ignored) {
			// exiting anyway; the role may outlive a database another hook still drops
		}
	}

	private static Server start() {
		String configured = System.getenv("HEIMA_TEST_DB_URL");
		String user = envOr("HEIMA_TEST_DB_USER", "postgres");
		String password = envOr("HEIMA_TEST_DB_PASSWORD", "");
		if (configured != null && !configured.isBlank()) {
			return ownDatabaseOn(hostAndPort(configured), user, password);
		}
		if (answers("127.0.0.1", 5432)) {
			return ownDatabaseOn("127.0.0.1:5432", user, password);
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			return new Server(container.getJdbcUrl().substring("jdbc:".length()), container.getUsername(),
					container.getPassword());
		}
		try {
			EmbeddedPostgres embedded = EmbeddedPostgres.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
			return new Server("postgresql://127.0.0.1:" + embedded.getPort() + "/postgres", "postgres", "");
		}
		catch (IOException e) {
			throw new IllegalStateException("No PostgreSQL for the tests: none configured, none on"
					+ " 127.0.0.1:5432, no Docker, and the embedded one failed to start", e);
		}
	}

	private static Server ownDatabaseOn(String hostPort, String user, String password) {
		String name = "heima_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String admin = "jdbc:postgresql://" + hostPort + "/postgres";
		execute(admin, user, password, "create database " + name);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(
					() -> execute(admin, user, password, "drop database if exists " + name + " with (force)")));
		return new Server("postgresql://" + hostPort + "/" + name, user, password);
	}

	private static void execute(String jdbcUrl, String user, String password, String sql) {
		try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Test database: '" + sql + "' failed on " + jdbcUrl, e);
		}
	}

	private static String hostAndPort(String url) {
		URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
		return uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 5432);
	}

	private static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError e) {
			return false;
		}
	}

	private static void closeQuietly(EmbeddedPostgres embedded) {
		try {
			embedded.close();
		}
		catch (IOException ignored) {
			// exiting anyway
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
