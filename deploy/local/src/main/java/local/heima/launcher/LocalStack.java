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

	/** The in-memory FHIR server, or null when a real one was given. */
	private LocalFhirServer inMemoryFhir;

	private void startAll() throws Exception {
		LocalSettings s = settings;
		if (s.dbUrl() == null) {
			LocalDatabase db = LocalDatabase.start(s.dataDir());
			parts.add(db);
			s = s.withDatabase(db.url(), "postgres", "");
		}
		effective = s;
		if (s.externalIssuer() == null) {
			parts.add(LocalIdpApplication.start(idpProperties(s)));
		}
		if (s.externalFhirUrl() == null) {
			LocalFhirServer fhir = LocalFhirServer.start(s.fhirPort(), bindAddress());
			parts.add(fhir);
			this.inMemoryFhir = fhir;
		}
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

	/** Whether the launcher started its own in-memory FHIR server. */
	boolean inMemoryFhir() {
		return inMemoryFhir != null;
	}

	/** What the run uses, one line each, for the banner. */
	String describeServices() {
		LocalSettings s = effective;
		return String.join("\n",
				"   Database        " + (settings.dbUrl() == null ? s.dataDir() + "   (embedded PostgreSQL)"
						: s.dbUrl() + "   (HEIMA_DB_URL)"),
				"   Login provider  " + s.issuer()
						+ (s.externalIssuer() == null ? "   (local demo issuer)" : "   (HEIMA_OIDC_ISSUER)"),
				"   FHIR server     " + s.fhirUrl() + (s.externalFhirUrl() == null ? "   (in memory, local)"
						: "   (external: HEIMA_FHIR_URL / heima.fhir.base-url)"));
	}

	private static Map<String, Object> idpProperties(LocalSettings s) {
		// The provider's clients take their redirect and post-logout URIs from
		// backend-url.
		return Map.of("server.port", s.idpPort(), "server.address", bindAddress(), "heima.local-idp.issuer", s.issuer(),
				"heima.local-idp.backend-url", s.backendUrl());
	}

	/**
	 * The interface the local run listens on: loopback unless {@code HEIMA_BIND_ADDRESS}
	 * says otherwise (e.g. {@code 0.0.0.0} to try the apps from a phone on the same
	 * network), since its demo users and secrets are public.
	 */
	static String bindAddress() {
		String address = System.getenv("HEIMA_BIND_ADDRESS");
		return address == null || address.isBlank() ? "127.0.0.1" : address.trim();
	}

	private static Map<String, Object> backendProperties(LocalSettings s) {
		Map<String, Object> p = new HashMap<>();
		p.put("server.port", s.backendPort());
		p.put("server.address", bindAddress());
		p.put("heima.db.url", s.dbUrl());
		p.put("heima.db.username", s.dbUser());
		p.put("heima.db.password", s.dbPassword());
		p.put("heima.oidc.issuer", s.issuer());
		p.put("heima.fhir.base-url", s.fhirUrl());
		if (s.externalIssuer() != null) {
			// the local profile's demo secrets only fit the local provider: a real
			// issuer's
			// clients take theirs from the environment, as in production
			p.put("spring.security.oauth2.client.registration.patient.client-secret",
					System.getenv().getOrDefault("HEIMA_PATIENT_CLIENT_SECRET", ""));
			p.put("spring.security.oauth2.client.registration.clinician.client-secret",
					System.getenv().getOrDefault("HEIMA_CLINICIAN_CLIENT_SECRET", ""));
		}
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
