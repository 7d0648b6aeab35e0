package no.heima.drills;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The crash drill's short version, in every {@code ./mvnw verify}: the same faults as the
 * long one (three SIGKILLs of a replica, PostgreSQL stopped in immediate mode, the FHIR
 * server stopped), with a 15 s FHIR outage and the load only as long as the faults take.
 * {@code -Ddrill.long=true} runs the long version (see README.md).
 */
class CrashDrillIT {

	@Test
	void everyAcceptedSubmissionIsStoredOnceAndReachesTheFhirServerOnce() throws Exception {
		DrillSettings settings = DrillSettings.fromSystemProperties();
		Drill.Result result;
		try (Drill drill = new Drill(settings, Drill.newWorkDir(), System.out::println)) {
			result = drill.run();
			System.out.println(result.summary());
			System.out.println("(" + result.retries() + " attempts retried on the other replica, " + result.parked()
					+ " outbox rows parked; logs in " + drill.workDir() + ")");
		}
		assertThat(result.refusals()).as("submissions refused or never answered").isEmpty();
		assertThat(result.accepted()).as("accepted submissions").isPositive();
		assertThat(result.duplicates()).as("duplicates").isZero();
		assertThat(result.lost()).as("lost").isZero();
		assertThat(result.stored()).isEqualTo(result.accepted());
		assertThat(result.inFhir()).isEqualTo(result.accepted());
		assertThat(result.parked()).as("outbox rows parked or still pending").isZero();
	}

}
