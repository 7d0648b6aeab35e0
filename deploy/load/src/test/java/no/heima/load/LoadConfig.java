package no.heima.load;

import java.time.Duration;

/**
 * What a run is pointed at and how hard, from system properties (all have defaults for
 * the default local run on port 8080 with its login provider on 9000).
 *
 * @param baseUrl Heima ({@code heima.base-url})
 * @param issuer the login provider ({@code heima.issuer})
 * @param patients how many patients log in and submit ({@code load.patients}; the
 * login provider must know {@code last1..lastN}: {@code HEIMA_LOCAL_IDP_LOAD_PATIENTS})
 * @param users concurrent submitting users ({@code load.users}: 1, 8, 32, 128)
 * @param nurses concurrent nurses paging the worklist meanwhile ({@code load.nurses})
 * @param duration how long ({@code load.seconds})
 * @param questionnaires PHQ-9 responses in the mix ({@code load.questionnaires}; the
 * backend must have its built-in questionnaires)
 * @param alerts nurses with the live worklist open, each with a patient submitting red
 * values ({@code load.alerts}, 0 for none)
 */
record LoadConfig(String baseUrl, String issuer, int patients, int users, int nurses, Duration duration,
		boolean questionnaires, int alerts) {

	static LoadConfig fromSystemProperties() {
		return new LoadConfig(strip(System.getProperty("heima.base-url", "http://localhost:8080")),
				strip(System.getProperty("heima.issuer", "http://localhost:9000")),
				Integer.getInteger("load.patients", 50), Integer.getInteger("load.users", 8),
				Integer.getInteger("load.nurses", 2), Duration.ofSeconds(Long.getLong("load.seconds", 60)),
				Boolean.parseBoolean(System.getProperty("load.questionnaires", "true")),
				Integer.getInteger("load.alerts", 1));
	}

	private static String strip(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
