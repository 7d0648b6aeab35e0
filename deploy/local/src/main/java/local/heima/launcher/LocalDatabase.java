package local.heima.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded PostgreSQL of the default run. Its data directory is kept between runs, so
 * demo data and whatever was entered survive a restart.
 */
final class LocalDatabase implements AutoCloseable {

	private static final String DATABASE = "heima";

	private final EmbeddedPostgres postgres;

	private LocalDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static LocalDatabase start(Path dataDir) throws IOException, SQLException {
		Path directory = dataDir.resolve("postgres");
		Files.createDirectories(directory);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.start();
		LocalDatabase db = new LocalDatabase(postgres);
		db.createIfMissing();
		return db;
	}

	String url() {
		return "postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
	}

	private void createIfMissing() throws SQLException {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			s.execute("create database " + DATABASE);
		}
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

}
