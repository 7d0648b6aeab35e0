package no.heima.testsupport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.time.Duration;
import java.time.Instant;
import local.heima.fhir.LocalFhirServer;
import no.heima.fhir.FhirJson;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the end-to-end tests of FHIR write-back share: a client that reads back what a
 * Heima instance wrote to the FHIR server, waiting for its outbox to drain, and stopping
 * both.
 */
public final class WriteBack {

	private WriteBack() {
	}

	/**
	 * A HAPI client for the FHIR server at {@code baseUrl} that does not ask for the
	 * server's CapabilityStatement first (the in-test server and a JPA server both answer
	 * R4).
	 */
	public static IGenericClient fhirClient(String baseUrl) {
		FhirContext context = FhirJson.context();
		context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		return context.newRestfulGenericClient(baseUrl);
	}

	/**
	 * Stops what a test started, either of which may be missing (it failed to start, or
	 * an external FHIR server is used).
	 */
	public static void close(ConfigurableApplicationContext heima, LocalFhirServer fhir) {
		if (heima != null) {
			heima.close();
		}
		if (fhir != null) {
			fhir.close();
		}
	}

	/** Waits until the outbox is empty: every row delivered, none parked. */
	public static void awaitEmptyOutbox(ConfigurableApplicationContext heima, Duration timeout) {
		awaitNone(heima, "true", timeout);
	}

	/** Waits until no outbox row is waiting: each delivered, or parked. */
	public static void awaitNothingPending(ConfigurableApplicationContext heima, Duration timeout) {
		awaitNone(heima, "status <> 'PARKED'", timeout);
	}

	private static void awaitNone(ConfigurableApplicationContext heima, String rows, Duration timeout) {
		DatabaseClient db = heima.getBean(DatabaseClient.class);
		Instant deadline = Instant.now().plus(timeout);
		long left = -1;
		while (Instant.now().isBefore(deadline)) {
			left = count(db, rows);
			if (left == 0) {
				return;
			}
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		throw new AssertionError(left + " rows still in the outbox (" + count(db, "status = 'PARKED'")
				+ " parked in all) after " + timeout);
	}

	private static long count(DatabaseClient db, String where) {
		return db.sql("select count(*) from fhir_outbox where " + where)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

}
