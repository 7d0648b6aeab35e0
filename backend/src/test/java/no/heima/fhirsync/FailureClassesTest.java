package no.heima.fhirsync;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Which write-back failures heal by themselves (issue 13): server faults wait for the
 * probe, a patient or target the server does not know yet is retried for a while, only
 * what no retry changes parks.
 */
class FailureClassesTest {

	private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	private static final Duration GRACE = Duration.ofHours(1);

	@Test
	void serverFaultsAreRetriedAsSuchWhateverTheRowsAge() {
		for (int status : new int[] { 500, 502, 503, 504, 429, 408, 401 }) {
			Delivery d = FhirServer.failure(row(Duration.ofDays(3)),
					BaseServerResponseException.newInstance(status, "x"), GRACE, NOW);
			assertThat(d.outcome()).as("status %d", status).isEqualTo(Delivery.Outcome.RETRY);
			assertThat(d.serverFault()).as("status %d", status).isTrue();
		}
		Delivery noAnswer = FhirServer.failure(row(Duration.ZERO), new FhirClientConnectionException("refused"), GRACE,
				NOW);
		assertThat(noAnswer.outcome()).isEqualTo(Delivery.Outcome.RETRY);
		assertThat(noAnswer.serverFault()).isTrue();
	}

	@Test
	void anUnknownPatientOr404IsRetriedDuringTheGraceThenParks() {
		RuntimeException missing = new FhirServer.MissingPatientException();
		assertThat(FhirServer.failure(row(Duration.ofMinutes(5)), missing, GRACE, NOW).outcome())
			.isEqualTo(Delivery.Outcome.RETRY);
		assertThat(FhirServer.failure(row(Duration.ofMinutes(61)), missing, GRACE, NOW).outcome())
			.isEqualTo(Delivery.Outcome.PARK);
		RuntimeException notFound = BaseServerResponseException.newInstance(404, "not found");
		Delivery young = FhirServer.failure(row(Duration.ofMinutes(5)), notFound, GRACE, NOW);
		assertThat(young.outcome()).isEqualTo(Delivery.Outcome.RETRY);
		assertThat(young.serverFault()).isFalse();
		assertThat(FhirServer.failure(row(Duration.ofHours(2)), notFound, GRACE, NOW).outcome())
			.isEqualTo(Delivery.Outcome.PARK);
	}

	@Test
	void whatNoRetryChangesParksAtOnce() {
		for (int status : new int[] { 400, 403, 412, 422 }) {
			assertThat(FhirServer
				.failure(row(Duration.ZERO), BaseServerResponseException.newInstance(status, "no"), GRACE, NOW)
				.outcome()).as("status %d", status).isEqualTo(Delivery.Outcome.PARK);
		}
		// two conditional creates racing: the next try finds the resource
		assertThat(FhirServer
			.failure(row(Duration.ofDays(3)), BaseServerResponseException.newInstance(409, "race"), GRACE, NOW)
			.outcome()).isEqualTo(Delivery.Outcome.RETRY);
	}

	@Test
	void aBundleThatRanPastItsTimeOutOrWasTooLargeIsSlowNotAServerFault() {
		RuntimeException readTimedOut = new FhirClientConnectionException(
				new java.net.SocketTimeoutException("Read timed out"));
		assertThat(TransactionDelivery.slowOrTooLarge(readTimedOut)).isTrue();
		for (int status : new int[] { 408, 413, 504 }) {
			assertThat(TransactionDelivery.slowOrTooLarge(BaseServerResponseException.newInstance(status, "slow")))
				.as("status %d", status)
				.isTrue();
		}
	}

	@Test
	void noConnectionOrAnotherAnswerIsNotASlowBundle() {
		// connecting timed out or was refused: the server is down, whatever the bundle
		RuntimeException connectTimedOut = new FhirClientConnectionException(
				new org.apache.http.conn.ConnectTimeoutException("Connect to fhir.example:443 timed out"));
		connectTimedOut.getCause().initCause(new java.net.SocketTimeoutException("connect timed out"));
		assertThat(TransactionDelivery.slowOrTooLarge(connectTimedOut)).isFalse();
		assertThat(TransactionDelivery
			.slowOrTooLarge(new FhirClientConnectionException(new java.net.ConnectException("Connection refused"))))
			.isFalse();
		assertThat(TransactionDelivery.slowOrTooLarge(new FhirClientConnectionException("refused"))).isFalse();
		for (int status : new int[] { 400, 401, 409, 429, 500, 502, 503 }) {
			assertThat(TransactionDelivery.slowOrTooLarge(BaseServerResponseException.newInstance(status, "x")))
				.as("status %d", status)
				.isFalse();
		}
		// what a slow bundle becomes: retried, and not a reason to mark the server down
		Delivery slow = Delivery.slowBundle(row(Duration.ZERO), "transaction of 50: Read timed out");
		assertThat(slow.outcome()).isEqualTo(Delivery.Outcome.RETRY);
		assertThat(slow.serverFault()).isFalse();
		assertThat(slow.slowBundle()).isTrue();
	}

	private static OutboxRow row(Duration age) {
		return new OutboxRow(1L, "Observation", "urn:test", "1", "{}", "urn:oid:2.16.578.1.12.4.1.4.1", "12837540028",
				"Kari", "Nordvik", null, 1, NOW.minus(age), false);
	}

}
