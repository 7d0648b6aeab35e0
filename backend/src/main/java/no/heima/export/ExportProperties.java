package no.heima.export;

import java.time.Duration;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cohort exports.
 *
 * @param pseudonymSecret the per-deployment key of the pseudonyms (at least 32
 * characters; from the environment, {@code HEIMA_EXPORT_PSEUDONYM_SECRET}); blank refuses
 * pseudonymised exports
 * @param chunkBytes the size a bulk export's NDJSON is stored in (one row each)
 * @param pollInterval how often each replica looks for a bulk job to run
 * @param lease how long a replica holds a running job without renewing; a job whose
 * replica stopped is taken up by another after this
 * @param keepFor how long a finished export's files are kept
 * @param fetchSize rows fetched from PostgreSQL at a time while streaming
 */
@ConfigurationProperties("heima.export")
record ExportProperties(String pseudonymSecret, @DefaultValue("262144") int chunkBytes,
		@DefaultValue("2s") Duration pollInterval, @DefaultValue("60s") Duration lease,
		@DefaultValue("24h") Duration keepFor, @DefaultValue("500") int fetchSize) {

	boolean canPseudonymise() {
		return this.pseudonymSecret != null && this.pseudonymSecret.strip().length() >= 32;
	}

	/** Refuses a pseudonymised export where no secret is configured. */
	void requirePseudonymSecret() {
		if (!canPseudonymise()) {
			throw new HeimaProblemException(ProblemType.STATE_CONFLICT,
					"Pseudonymisation is not configured here (heima.export.pseudonym-secret)");
		}
	}

	Pseudonyms pseudonyms(byte[] salt) {
		requirePseudonymSecret();
		return new Pseudonyms(this.pseudonymSecret.strip(), salt);
	}

}
