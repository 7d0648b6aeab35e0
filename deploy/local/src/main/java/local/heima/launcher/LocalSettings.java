package local.heima.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Ports and places of the local run, from the environment (or defaults). Each of the
 * three outside services can be replaced by a real one; the launcher then does not start
 * its own.
 *
 * @param dbUrl an external database ({@code postgresql://host:port/db}); null starts the
 * embedded one
 * @param externalIssuer an OIDC issuer to log in at; null starts the local login provider
 * @param externalFhirUrl a FHIR R4 server to write back to; null starts the in-memory one
 */
record LocalSettings(int backendPort, int idpPort, int fhirPort, Path dataDir, String dbUrl, String dbUser,
		String dbPassword, String externalIssuer, String externalFhirUrl) {

	LocalSettings(int backendPort, int idpPort, int fhirPort, Path dataDir, String dbUrl, String dbUser,
			String dbPassword) {
		this(backendPort, idpPort, fhirPort, dataDir, dbUrl, dbUser, dbPassword, null, null);
	}

	static LocalSettings fromEnvironment(Map<String, String> env) {
		return fromEnvironment(env, new Properties());
	}

	/**
	 * The backend's own keys win as system properties
	 * ({@code -Dheima.fhir.base-url=...}), then the environment variables the backend
	 * reads ({@code HEIMA_FHIR_URL}, ...).
	 */
	static LocalSettings fromEnvironment(Map<String, String> env, Properties system) {
		return new LocalSettings(Integer.parseInt(env.getOrDefault("HEIMA_PORT", "8080")),
				Integer.parseInt(env.getOrDefault("HEIMA_IDP_PORT", "9000")),
				Integer.parseInt(env.getOrDefault("HEIMA_FHIR_PORT", "8090")),
				Path.of(env.getOrDefault("HEIMA_DATA_DIR", ".heima-data")).toAbsolutePath(),
				either(system.getProperty("heima.db.url"), env.get("HEIMA_DB_URL")),
				env.getOrDefault("HEIMA_DB_USER", "postgres"), env.getOrDefault("HEIMA_DB_PASSWORD", ""),
				either(system.getProperty("heima.oidc.issuer"), env.get("HEIMA_OIDC_ISSUER")),
				either(system.getProperty("heima.fhir.base-url"), env.get("HEIMA_FHIR_URL")));
	}

	LocalSettings withDatabase(String url, String user, String password) {
		return new LocalSettings(backendPort, idpPort, fhirPort, dataDir, url, user, password, externalIssuer,
				externalFhirUrl);
	}

	String backendUrl() {
		return "http://localhost:" + backendPort;
	}

	String issuer() {
		return externalIssuer != null ? externalIssuer : "http://localhost:" + idpPort;
	}

	String fhirUrl() {
		return externalFhirUrl != null ? externalFhirUrl : "http://localhost:" + fhirPort + "/fhir";
	}

	private static String either(String first, String second) {
		String value = first == null || first.isBlank() ? second : first;
		return value == null || value.isBlank() ? null : value.trim();
	}
}
