package no.heima.jpafhir;

/**
 * Where the server listens and which PostgreSQL database it keeps its resources in.
 *
 * @param host the address to listen on
 * @param port the HTTP port (0: any free one)
 * @param jdbcUrl the database (created when missing)
 * @param user the database user
 * @param password the database password
 * @param poolSize the most database connections at once
 */
public record JpaFhirSettings(String host, int port, String jdbcUrl, String user, String password, int poolSize) {

	/** From system properties, with the defaults of the README. */
	public static JpaFhirSettings fromSystemProperties() {
		return new JpaFhirSettings(System.getProperty("jpa-fhir.host", "127.0.0.1"),
				Integer.getInteger("jpa-fhir.port", 18470),
				System.getProperty("jpa-fhir.db-url", "jdbc:postgresql://127.0.0.1:5432/heima_jpa_fhir"),
				System.getProperty("jpa-fhir.db-user", "postgres"), System.getProperty("jpa-fhir.db-password", ""),
				Integer.getInteger("jpa-fhir.db-pool", 20));
	}

	/** The same with another port and database. */
	public JpaFhirSettings with(int port, String jdbcUrl) {
		return new JpaFhirSettings(this.host, port, jdbcUrl, this.user, this.password, this.poolSize);
	}

}
