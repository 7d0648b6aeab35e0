package local.heima.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import local.heima.fhir.LocalFhirServer;
import local.heima.idp.LocalIdpApplication;
import no.heima.HeimaApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the parts of the default run in dependency order: database, login provider, FHIR
 * server, backend (which reads the provider's discovery document at start-up). Closes
 * them in reverse.
 */
final class LocalStack implements AutoCloseable {

	private final List<AutoCloseable> parts = new ArrayList<>();

	private final LocalSettings settings;

	private LocalStack(LocalSettings settings) {
		this.settings = settings;
	}

	static LocalStack start(LocalSettings requested) throws Exception {
		LocalStack stack = new LocalStack(requested);
		try {
			stack.startAll();
		}
		catch (Exception | Error e) {
			stack.close();
			throw e;
		}
		return stack;
	}

	LocalSettings settings() {
		return settings;
	}

	private LocalSettings effective;

	private void startAll() throws Exception {
		LocalSettings s = settings;
		if (s.dbUrl() == null) {
			LocalDatabase db = LocalDatabase.start(s.dataDir());
			parts.add(db);
			s = s.withDatabase(db.url(), "postgres", "");
		}
		effective = s;
		parts.add(LocalIdpApplication.start(idpProperties(s)));
		parts.add(LocalFhirServer.start(s.fhirPort()));
		// highest precedence: the backend's application.yaml would otherwise win over
		// builder defaults
		Map<String, Object> backend = backendProperties(s);
		ApplicationListener<ApplicationEnvironmentPreparedEvent> overrides = (event) -> event.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("heimaLocalRun", backend));
		parts.add(new SpringApplicationBuilder(HeimaApplication.class).web(WebApplicationType.REACTIVE)
			.profiles("local")
			.listeners(overrides)
			.run());
	}

	LocalSettings effectiveSettings() {
		return effective;
	}

	private static Map<String, Object> idpProperties(LocalSettings s) {
		// The provider's clients take their redirect and post-logout URIs from
		// backend-url.
		return Map.of("server.port", s.idpPort(), "heima.local-idp.issuer", s.issuer(), "heima.local-idp.backend-url",
				s.backendUrl());
	}

	private static Map<String, Object> backendProperties(LocalSettings s) {
		Map<String, Object> p = new HashMap<>();
		p.put("server.port", s.backendPort());
		p.put("heima.db.url", s.dbUrl());
		p.put("heima.db.username", s.dbUser());
		p.put("heima.db.password", s.dbPassword());
		p.put("heima.oidc.issuer", s.issuer());
		p.put("heima.fhir.base-url", s.fhirUrl());
		return p;
	}

	@Override
	public void close() {
		for (int i = parts.size() - 1; i >= 0; i--) {
			try {
				parts.get(i).close();
			}
			catch (Exception e) {
				System.err.println("Heima local: stopping " + parts.get(i) + " failed: " + e);
			}
		}
		parts.clear();
	}

}
