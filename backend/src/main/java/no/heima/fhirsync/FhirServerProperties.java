package no.heima.fhirsync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The FHIR server Heima writes to.
 *
 * @param baseUrl e.g. {@code https://fhir.hospital.example/fhir}; blank switches
 * write-back off (rows wait in the outbox)
 */
@ConfigurationProperties("heima.fhir")
record FhirServerProperties(String baseUrl, @DefaultValue Sync sync, @DefaultValue Auth auth) {

	/**
	 * @param transactions send each batch as one transaction bundle (else one request per
	 * resource)
	 * @param createMissingPatients create a Patient (identifier, name, birth date) when
	 * the server has none for the national identifier; off in production, where the
	 * hospital owns its patients and a missing one parks the row
	 * @param connections write-back's own database connections (a pool apart from the
	 * requests' one, so neither starves the other)
	 * @param missingPatientGrace how long a row whose patient (or target) the server does
	 * not know yet is retried before it parks (a patient registered at the hospital a
	 * little later is the usual case)
	 * @param probeInterval how often a server that stopped answering is asked for its
	 * CapabilityStatement; when it answers, waiting rows go at once
	 * @param inFlight how many batches one replica delivers at once while it is behind (a
	 * full batch came back); 1 sends one batch after the other
	 * @param patientCacheTtl how long the FHIR server's id of a patient is kept after a
	 * lookup (0 looks up every time); a refused bundle forgets its patients at once
	 * @param timeout how long a read, a probe or a single resource's request may wait for
	 * the server's answer (also the connect time-out)
	 * @param bundleTimeout how long a transaction bundle may wait for the server's
	 * answer; a bundle that runs past it (or is refused as too large) halves the bundle
	 * size instead of marking the server unavailable. At most three quarters of
	 * {@code lease} is used: a bundle still in flight when its rows' lease ends could be
	 * sent a second time at once
	 */
	record Sync(@DefaultValue("true") boolean enabled, @DefaultValue("50") int batchSize,
			@DefaultValue("1s") Duration pollInterval, @DefaultValue("60s") Duration lease,
			@DefaultValue("true") boolean transactions, @DefaultValue("2s") Duration backoffBase,
			@DefaultValue("1m") Duration backoffMax, @DefaultValue("false") boolean createMissingPatients,
			@DefaultValue("20s") Duration timeout, @DefaultValue("2") int connections,
			@DefaultValue("1h") Duration missingPatientGrace, @DefaultValue("2s") Duration probeInterval,
			@DefaultValue("4") int inFlight, @DefaultValue("10m") Duration patientCacheTtl,
			@DefaultValue("45s") Duration bundleTimeout) {

		/** {@code bundle-timeout}, but never more than three quarters of the lease. */
		Duration bundleReadTimeout() {
			Duration most = this.lease.multipliedBy(3).dividedBy(4);
			return (this.bundleTimeout.compareTo(most) > 0) ? most : this.bundleTimeout;
		}

	}

	/**
	 * OAuth2 client credentials for the FHIR server; all blank means no authentication.
	 */
	record Auth(String tokenUri, String clientId, String clientSecret, String scope) {

		boolean enabled() {
			return this.tokenUri != null && !this.tokenUri.isBlank();
		}

	}

}
