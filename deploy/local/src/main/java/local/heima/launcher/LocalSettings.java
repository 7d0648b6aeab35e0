package local.heima.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Ports and places of the local run, from the environment (or defaults).
 *
 * @param dbUrl an external database ({@code postgresql://host:port/db}); null starts the
 * embedded one
 */
record LocalSettings(int backendPort, int idpPort, int fhirPort, Path dataDir, String dbUrl, String dbUser,
		String dbPassword) {

	static LocalSettings fromEnvironment(Map<String, String> env) {
		return new LocalSettings(Integer.parseInt(env.getOrDefault("HEIMA_PORT", "8080")),
				Integer.parseInt(env.getOrDefault("HEIMA_IDP_PORT", "9000")),
				Integer.parseInt(env.getOrDefault("HEIMA_FHIR_PORT", "8090")),
				Path.of(env.getOrDefault("HEIMA_DATA_DIR", ".heima-data")).toAbsolutePath(),
				blankToNull(env.get("HEIMA_DB_URL")), env.getOrDefault("HEIMA_DB_USER", "postgres"),
				env.getOrDefault("HEIMA_DB_PASSWORD", ""));
	}

	LocalSettings withDatabase(String url, String user, String password) {
		return new LocalSettings(backendPort, idpPort, fhirPort, dataDir, url, user, password);
	}

	String backendUrl() {
		return "http://localhost:" + backendPort;
	}

	String issuer() {
		return "http://localhost:" + idpPort;
	}

	String fhirUrl() {
		return "http://localhost:" + fhirPort + "/fhir";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
