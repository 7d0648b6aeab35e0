package no.heima.drills;

import java.time.Duration;

/**
 * How hard and how long the drill runs. The short version is what CI runs inside
 * {@code ./mvnw verify}; the long one ({@code -Ddrill.long=true}) keeps the load on for
 * minutes and stops the FHIR server for the full 60 s. The short version's patients pause
 * 500 ms between submissions (about 60 a second from 32): the same faults, but a killed
 * replica restarts in about 25 s instead of 45 s on a saturated 2-core machine, which
 * took 50 s off the build without a fault less.
 *
 * @param submitters patients submitting blood pressure at once
 * @param minimumLoad how long the submitters run at least (the faults take what they
 * take)
 * @param firstFaultAfter load before the first kill
 * @param fhirOutage how long the FHIR server is stopped
 * @param databaseOutage how long PostgreSQL stays down after its immediate stop
 * @param pause each submitter's pause between two submissions
 * @param drainLimit how long the outbox may take to empty after the load
 * @param portBase first of the ports the drill listens on (0: any free ones)
 */
record DrillSettings(int submitters, Duration minimumLoad, Duration firstFaultAfter, Duration fhirOutage,
		Duration databaseOutage, Duration pause, Duration drainLimit, int portBase) {

	static DrillSettings fromSystemProperties() {
		boolean longVersion = Boolean.getBoolean("drill.long");
		Duration minimumLoad = Duration.ofSeconds(Long.getLong("drill.load-seconds", longVersion ? 600 : 0));
		return new DrillSettings(Integer.getInteger("drill.submitters", 32), minimumLoad,
				Duration.ofSeconds(longVersion ? 60 : 3),
				Duration.ofSeconds(Long.getLong("drill.fhir-outage-seconds", longVersion ? 60 : 15)),
				Duration.ofSeconds(longVersion ? 10 : 3),
				Duration.ofMillis(Long.getLong("drill.pause-millis", longVersion ? 20 : 500)),
				Duration.ofSeconds(Long.getLong("drill.drain-limit-seconds", longVersion ? 600 : 300)),
				Integer.getInteger("drill.port-base", 0));
	}

}
