package no.heima;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Heima: digital home follow-up. Each sub-package is one feature (see package-info of
 * each), with the features it may use listed there; problems, FHIR JSON, the vital
 * catalogue and the caller's identity are shared by all.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = { "problem", "fhir", "vital", "identity" })
public class HeimaApplication {

	public static void main(String[] args) {
		SpringApplication.run(HeimaApplication.class, args);
	}

}
