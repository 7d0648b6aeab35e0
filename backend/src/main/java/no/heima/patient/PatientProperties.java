package no.heima.patient;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param acceptSyntheticIdentifiers accept Tenor test numbers (month + 80); on for demo
 * and test environments only
 */
@ConfigurationProperties("heima.patient")
record PatientProperties(boolean acceptSyntheticIdentifiers) {
}
