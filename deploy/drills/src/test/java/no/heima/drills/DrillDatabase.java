package no.heima.drills;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of the drill's own (the embedded binaries), so it can be stopped
 * with {@code pg_ctl stop -m immediate} (every server process quits at once, no
 * checkpoint: recovery from the WAL at the next start) and started again on the same port
 * and data directory.
 */
final class DrillDatabase implements AutoCloseable {

	static final String NAME = "heima";

	private final EmbeddedPostgres postgres;

	private final Path dataDir;

	private final File pgCtl;

	private final Path log;

	private DrillDatabase(EmbeddedPostgres postgres, Path dataDir, File pgCtl, Path log) {
		this.postgres = postgres;
		this.dataDir = dataDir;
		this.pgCtl = pgCtl;
		this.log = log;
	}

	static DrillDatabase start(Path dataDir, int port, Path log) throws IOException, SQLException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(true)
			// the embedded defaults turn synchronous commit off: an answered commit could
			// then be lost in a crash, which is what the drill looks for
			.setServerConfig("synchronous_commit", "on");
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("create database " + NAME);
		}
		return new DrillDatabase(postgres, dataDir, new File(binaries(postgres), "bin/pg_ctl"), log);
	}

	/** Where the embedded binaries were unpacked (the library keeps it to itself). */
	private static File binaries(EmbeddedPostgres postgres) {
		try {
			Field field = EmbeddedPostgres.class.getDeclaredField("pgDir");
			field.setAccessible(true);
			return (File) field.get(postgres);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("The embedded PostgreSQL binaries were not found", ex);
		}
	}

	int port() {
		return this.postgres.getPort();
	}

	/** For the replicas: {@code postgresql://host:port/db}. */
	String url() {
		return "postgresql://127.0.0.1:" + port() + "/" + NAME;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + NAME, "postgres", "");
	}

	/** {@code pg_ctl stop -m immediate}. */
	void crash() throws IOException, InterruptedException {
		pgCtl(List.of("stop", "-D", this.dataDir.toString(), "-m", "immediate", "-w"));
	}

	/** Starts it again where it was; it recovers from its WAL before it answers. */
	void restart() throws IOException, InterruptedException {
		pgCtl(List.of("start", "-D", this.dataDir.toString(), "-w", "-t", "120", "-l", this.log.toString(), "-o",
				"-p " + port() + " -F -c synchronous_commit=on -c max_connections=300 -c timezone=UTC"));
	}

	private void pgCtl(List<String> arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// pg_ctl refuses root; as the embedded library does, run it in a user
			// namespace
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(this.pgCtl.getPath());
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.start();
		if (!process.waitFor(150, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("pg_ctl " + arguments + " failed; see " + this.log);
		}
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
