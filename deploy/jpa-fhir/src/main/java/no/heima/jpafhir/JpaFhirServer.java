package no.heima.jpafhir;

import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.DispatcherType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * A HAPI FHIR JPA R4 server on PostgreSQL at {@code http://<host>:<port>/fhir}: the kind
 * of server a hospital runs, as a peer for Heima's figures and a write-back target with
 * real JPA behaviour (issue 13). Jetty serves HAPI's {@link RestfulServer} from a plain
 * Spring context ({@link JpaFhirConfig}). Never for production: no security.
 *
 * <pre>
 * java -jar deploy/jpa-fhir/target/heima-jpa-fhir.jar
 * java -Djpa-fhir.port=18470 -Djpa-fhir.db-url=jdbc:postgresql://127.0.0.1:5432/heima_jpa_fhir -jar ...
 * </pre>
 */
public final class JpaFhirServer implements AutoCloseable {

	private final AnnotationConfigApplicationContext context;

	private final Server jetty;

	private JpaFhirServer(AnnotationConfigApplicationContext context, Server jetty) {
		this.context = context;
		this.jetty = jetty;
	}

	/** Creates the database when missing, builds the schema, and starts serving. */
	public static JpaFhirServer start(JpaFhirSettings settings) throws Exception {
		createDatabaseIfMissing(settings);
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(JpaFhirSettings.class, () -> settings);
		context.register(JpaFhirConfig.class);
		context.refresh();
		Server jetty = new Server();
		ServerConnector connector = new ServerConnector(jetty);
		connector.setHost(settings.host());
		connector.setPort(settings.port());
		jetty.addConnector(connector);
		ServletContextHandler handler = new ServletContextHandler();
		handler.setContextPath("/");
		handler.addServlet(new ServletHolder(context.getBean(RestfulServer.class)), "/fhir/*");
		if (Boolean.getBoolean("jpa-fhir.outage-switch")) {
			OutageSwitch outage = new OutageSwitch();
			handler.addServlet(new ServletHolder(outage.servlet()), "/outage");
			handler.addFilter(new FilterHolder(outage.filter()), "/fhir/*", EnumSet.of(DispatcherType.REQUEST));
		}
		jetty.setHandler(handler);
		try {
			jetty.start();
		}
		catch (Exception ex) {
			context.close();
			throw ex;
		}
		return new JpaFhirServer(context, jetty);
	}

	/** The port served on (the one picked when 0 was asked for). */
	public int port() {
		return ((ServerConnector) this.jetty.getConnectors()[0]).getLocalPort();
	}

	/** The FHIR base URL. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + "/fhir";
	}

	@Override
	public void close() throws Exception {
		try {
			this.jetty.stop();
		}
		finally {
			this.context.close();
		}
	}

	/** Connects to the server's {@code postgres} database and creates the one named. */
	static void createDatabaseIfMissing(JpaFhirSettings settings) throws SQLException {
		String url = settings.jdbcUrl();
		int slash = url.lastIndexOf('/');
		int query = url.indexOf('?', slash);
		String name = (query < 0) ? url.substring(slash + 1) : url.substring(slash + 1, query);
		if (!name.matches("[a-z0-9_]+")) {
			throw new IllegalArgumentException("Database name must be [a-z0-9_]+: " + name);
		}
		try (Connection c = DriverManager.getConnection(url.substring(0, slash + 1) + "postgres", settings.user(),
				settings.password()); Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
				if (rs.next()) {
					return;
				}
			}
			s.execute("create database " + name);
		}
	}

	public static void main(String[] args) throws Exception {
		JpaFhirSettings settings = JpaFhirSettings.fromSystemProperties();
		long started = System.nanoTime();
		JpaFhirServer server = start(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			}
			catch (Exception ex) {
				ex.printStackTrace();
			}
		}));
		System.out.printf("JPA FHIR server ready at %s (database %s) in %.1f s%n", server.baseUrl(), settings.jdbcUrl(),
				(System.nanoTime() - started) / 1e9);
		server.jetty.join();
	}

}
