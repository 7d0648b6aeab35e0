package no.heima;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Heima: digital home follow-up. Each sub-package is one feature (see package-info of
 * each).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HeimaApplication {

	public static void main(String[] args) {
		SpringApplication.run(HeimaApplication.class, args);
	}

}
