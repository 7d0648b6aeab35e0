package no.heima.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A database of a test's own on the test server (beside the shared one), for data no
 * other test may see, such as a generated population; dropped by {@link #drop()}.
 */
public final class ScratchDatabase {

	private final TestDatabase.Server server = TestDatabase.get();

	private final String name;

	public ScratchDatabase(String prefix) {
		this.name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
		execute(admin(), "create database " + this.name);
	}

	/** As {@code heima.db.url} takes it. */
	public String url() {
		return this.server.url().substring(0, this.server.url().lastIndexOf('/')) + "/" + this.name;
	}

	public String jdbcUrl() {
		return "jdbc:" + url();
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), this.server.username(), this.server.password());
	}

	public TestDatabase.Server server() {
		return this.server;
	}

	/** Properties for a {@link HeimaInstance} on this database (as its owner). */
	public Map<String, Object> instanceProperties() {
		return Map.of("heima.db.url", url(), "heima.db.username", this.server.username(), "heima.db.password",
				this.server.password());
	}

	public void drop() {
		execute(admin(), "drop database if exists " + this.name + " with (force)");
	}

	private String admin() {
		return "jdbc:" + this.server.url().substring(0, this.server.url().lastIndexOf('/')) + "/postgres";
	}

	private void execute(String jdbcUrl, String sql) {
		try (Connection c = DriverManager.getConnection(jdbcUrl, this.server.username(), this.server.password());
				Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Scratch database: '" + sql + "' failed", e);
		}
	}

}
