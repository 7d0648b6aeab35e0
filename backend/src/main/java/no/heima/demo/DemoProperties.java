package no.heima.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pathway the demo pathway and who is enrolled on it (null: none)
 */
@ConfigurationProperties("heima.demo")
record DemoProperties(boolean enabled, List<DemoPatient> patients, DemoPathwaySettings pathway) {

	DemoProperties {
		patients = (patients != null) ? List.copyOf(patients) : List.of();
	}

	record DemoPatient(String identifier, String givenName, String familyName, String team) {
	}

	/**
	 * @param enrol identifiers of demo patients to enrol, starting {@code startDaysAgo}
	 * days ago
	 */
	record DemoPathwaySettings(String team, String questionnaireUrl, String questionnaireVersion, List<String> enrol,
			int startDaysAgo) {

		DemoPathwaySettings {
			enrol = (enrol != null) ? List.copyOf(enrol) : List.of();
		}

	}

}
