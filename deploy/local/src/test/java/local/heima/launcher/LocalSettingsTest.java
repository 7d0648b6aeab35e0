package local.heima.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which outside services the default run uses, from what a user would set. */
class LocalSettingsTest {

	@Test
	void nothingSetStartsEverythingLocally() {
		LocalSettings s = LocalSettings.fromEnvironment(Map.of(), new Properties());
		assertThat(s.dbUrl()).isNull();
		assertThat(s.externalIssuer()).isNull();
		assertThat(s.externalFhirUrl()).isNull();
		assertThat(s.issuer()).isEqualTo("http://localhost:9000");
		assertThat(s.fhirUrl()).isEqualTo("http://localhost:8090/fhir");
	}

	@Test
	void theBackendsEnvironmentVariablesReplaceTheLocalServices() {
		LocalSettings s = LocalSettings.fromEnvironment(
				Map.of("HEIMA_FHIR_URL", "https://fhir.example/r4", "HEIMA_OIDC_ISSUER",
						"https://login.example/realms/heima", "HEIMA_DB_URL", "postgresql://db.example:5432/heima"),
				new Properties());
		assertThat(s.fhirUrl()).isEqualTo("https://fhir.example/r4");
		assertThat(s.externalFhirUrl()).isEqualTo("https://fhir.example/r4");
		assertThat(s.issuer()).isEqualTo("https://login.example/realms/heima");
		assertThat(s.dbUrl()).isEqualTo("postgresql://db.example:5432/heima");
	}

	@Test
	void systemPropertiesWinOverTheEnvironmentAndBlankMeansUnset() {
		Properties system = new Properties();
		system.setProperty("heima.fhir.base-url", "http://hapi.example:8080/fhir");
		system.setProperty("heima.oidc.issuer", " ");
		LocalSettings s = LocalSettings
			.fromEnvironment(Map.of("HEIMA_FHIR_URL", "https://fhir.example/r4", "HEIMA_OIDC_ISSUER", ""), system);
		assertThat(s.fhirUrl()).isEqualTo("http://hapi.example:8080/fhir");
		assertThat(s.externalIssuer()).isNull();
	}

}
