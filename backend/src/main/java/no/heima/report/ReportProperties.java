package no.heima.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param writeBack whether each summary made is also written to the FHIR server as a
 * DocumentReference (through the write-back outbox, once per patient, period, language
 * and teams)
 */
@ConfigurationProperties("heima.report")
record ReportProperties(@DefaultValue("false") boolean writeBack) {
}
