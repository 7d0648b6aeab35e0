package no.heima.fhirsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import local.heima.fhir.LocalFhirServer;
import no.heima.fhir.FhirJson;
import no.heima.testsupport.HeimaInstance;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Benchmark, not a test of speed: prints how fast the outbox drains into the in-test HAPI
 * FHIR server, one request per resource versus transaction bundles of 50. Asserts only
 * that everything arrived.
 */
class FhirDeliveryBenchmarkIT {

	private static final int RESOURCES = 1000;

	@Test
	void deliveryThroughputSingleVersusTransactionBundles() {
		Map<String, Double> perSecond = new java.util.LinkedHashMap<>();
		for (boolean transactions : List.of(false, true)) {
			try (LocalFhirServer fhir = LocalFhirServer.start(0);
					BenchmarkRig rig = new BenchmarkRig(fhir, transactions)) {
				rig.enqueue(RESOURCES);
				Instant start = Instant.now();
				long delivered = 0;
				while (delivered < RESOURCES) {
					long round = rig.worker().deliverOnce().block(Duration.ofMinutes(1));
					assertThat(round).as("a round delivered nothing").isPositive();
					delivered += round;
				}
				double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
				assertThat(fhir.provider("Observation").size()).isEqualTo(RESOURCES);
				perSecond.put(transactions ? "transaction bundles of 50" : "one request each", RESOURCES / seconds);
			}
		}
		perSecond.forEach((mode, rate) -> System.out
			.printf("FHIR delivery benchmark: %d Observations, %s: %.0f" + " resources/s%n", RESOURCES, mode, rate));
	}

	/**
	 * A Heima context with write-back pointed at {@code fhir}, its worker loop idle
	 * (polls hourly).
	 */
	static final class BenchmarkRig implements AutoCloseable {

		private final org.springframework.context.ConfigurableApplicationContext context;

		BenchmarkRig(LocalFhirServer fhir, boolean transactions) {
			this.context = HeimaInstance.start(Map.of("heima.fhir.base-url", fhir.baseUrl(),
					"heima.fhir.sync.poll-interval", "1h", "heima.fhir.sync.create-missing-patients", "true",
					"heima.fhir.sync.transactions", String.valueOf(transactions)));
			// other test classes share this database: start from an empty outbox
			this.context.getBean(DatabaseClient.class).sql("delete from fhir_outbox").then().block();
		}

		OutboxWorker worker() {
			return this.context.getBean(OutboxWorker.class);
		}

		void enqueue(int count) {
			FhirOutbox outbox = this.context.getBean(FhirOutbox.class);
			List<no.heima.fhirsync.FhirOutboxMessage> messages = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Observation o = new Observation();
				String id = UUID.randomUUID().toString();
				o.addIdentifier().setSystem("https://heima.example/fhir/id/benchmark").setValue(id);
				o.setStatus(Observation.ObservationStatus.FINAL);
				o.getCode().addCoding().setSystem("http://loinc.org").setCode("29463-7");
				o.setSubject(new org.hl7.fhir.r4.model.Reference()
					.setIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem("urn:oid:2.16.578.1.12.4.1.4.1")
						.setValue("12837540028")));
				messages.add(new FhirOutboxMessage("Observation", "https://heima.example/fhir/id/benchmark", id,
						FhirJson.write(o), "urn:oid:2.16.578.1.12.4.1.4.1", "12837540028", "Kari", "Nordvik", null));
			}
			outbox.enqueueAll(messages).block();
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

}
