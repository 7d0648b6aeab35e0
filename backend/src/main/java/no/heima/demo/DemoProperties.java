package no.heima.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("heima.demo")
record DemoProperties(boolean enabled, List<DemoPatient> patients) {

	DemoProperties {
		patients = patients == null ? List.of() : List.copyOf(patients);
	}

	record DemoPatient(String identifier, String givenName, String familyName, String team) {
	}
}
