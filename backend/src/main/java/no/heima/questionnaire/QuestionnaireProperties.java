package no.heima.questionnaire;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param seed import the built-in questionnaires (classpath {@code questionnaires/}) at
 * start-up when their url|version is absent
 * @param warmUp warm the FHIR validator in the background at start-up, so the first
 * import does not take 10–25 s
 * @param maxImportSize the largest questionnaire JSON accepted (Helsenorge forms run to
 * hundreds of KB, above WebFlux's 256 KB default)
 */
@ConfigurationProperties("heima.questionnaire")
record QuestionnaireProperties(@DefaultValue("true") boolean seed, @DefaultValue("true") boolean warmUp,
		@DefaultValue("5MB") DataSize maxImportSize) {

	QuestionnaireProperties {
		maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(5) : maxImportSize;
	}

}
