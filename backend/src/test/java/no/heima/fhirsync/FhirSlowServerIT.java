package no.heima.fhirsync;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import local.heima.fhir.LocalFhirServer;
import no.heima.fhir.FhirJson;
import no.heima.testsupport.HeimaInstance;
import no.heima.testsupport.WriteBack;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A slow-but-working FHIR server (issue 13): it stores every transaction at once but
 * answers 100 ms per entry later, so a bundle of 40 runs past the 2 s bundle time-out
 * (stored, yet the client gave up), one of 10 does not. Write-back must shrink its
 * bundles instead of taking the server for down, and the bundles it sent again after a
 * time-out must store nothing twice: every Observation arrives exactly once (conditional
 * create on its identifier) and every Flag once, in its last state (conditional update).
 */
class FhirSlowServerIT {

	private static final String FNR = "urn:oid:2.16.578.1.12.4.1.4.1";

	private static final String SYSTEM = "https://heima.example/fhir/id/slow-server-it";

	private static final int OBSERVATIONS = 120;

	private static final int FLAGS = 5;

	private static final int FLAG_REVISIONS = 3;

	private static final String RUN = UUID.randomUUID().toString();

	private static final String[] PATIENTS = { "13818840011", "15818840006", "16818840066", "18818840056" };

	private static LocalFhirServer fhir;

	private static ConfigurableApplicationContext heima;

	@BeforeAll
	static void start() {
		fhir = LocalFhirServer.start(0);
		// down while Heima starts: the rows queue up and go as full bundles when it is
		// back
		fhir.stop();
		heima = HeimaInstance.start(Map.ofEntries(Map.entry("heima.fhir.base-url", fhir.baseUrl()),
				Map.entry("heima.fhir.sync.create-missing-patients", "true"),
				Map.entry("heima.fhir.sync.poll-interval", "200ms"),
				Map.entry("heima.fhir.sync.probe-interval", "200ms"),
				Map.entry("heima.fhir.sync.backoff-base", "200ms"), Map.entry("heima.fhir.sync.backoff-max", "1s"),
				Map.entry("heima.fhir.sync.batch-size", "40"), Map.entry("heima.fhir.sync.in-flight", "2"),
				Map.entry("heima.fhir.sync.timeout", "10s"), Map.entry("heima.fhir.sync.bundle-timeout", "2s"),
				Map.entry("heima.fhir.sync.lease", "30s")));
	}

	@AfterAll
	static void stop() {
		WriteBack.close(heima, fhir);
	}

	@Test
	void aSlowServerGetsEveryResourceExactlyOnceInSmallerBundles() {
		FhirServerHealth health = heima.getBean(FhirServerHealth.class);
		await("the server is seen down", () -> health.state() == FhirServerHealth.State.UNAVAILABLE);
		List<FhirOutboxMessage> messages = new ArrayList<>();
		for (int i = 0; i < OBSERVATIONS; i++) {
			messages.add(observation(i));
		}
		for (int revision = 1; revision <= FLAG_REVISIONS; revision++) {
			for (int f = 0; f < FLAGS; f++) {
				messages.add(flag(f, revision));
			}
		}
		heima.getBean(FhirOutbox.class).enqueueAll(messages).block(Duration.ofMinutes(1));

		fhir.slowTransactions(Duration.ofMillis(100));
		fhir.start();
		await("the server is seen back", () -> health.state() == FhirServerHealth.State.READY);
		Instant readySince = health.snapshot().since();
		await("every row delivered", () -> left() == 0);

		// the time-outs shrank the bundles; the server was never taken for down
		assertThat(health.snapshot().state()).isEqualTo(FhirServerHealth.State.READY);
		assertThat(health.snapshot().since()).as("the server's state changed while draining").isEqualTo(readySince);
		List<Integer> sizes = fhir.transactionSizes();
		assertThat(sizes).as("transactions stored").anyMatch((n) -> n >= 20).anyMatch((n) -> n <= 10);
		assertThat(heima.getBean(OutboxWorker.class).bundleSize()).isLessThan(20);
		// bundles that timed out were stored and sent again: their entries matched
		assertThat(sizes.stream().mapToInt(Integer::intValue).sum())
			.isGreaterThan(OBSERVATIONS + FLAGS * FLAG_REVISIONS);
		for (int i = 0; i < OBSERVATIONS; i++) {
			assertThat(onServer("Observation", RUN + "-o" + i)).as("Observation %d", i).hasSize(1);
		}
		for (int f = 0; f < FLAGS; f++) {
			assertThat(onServer("Flag", RUN + "-f" + f)).as("Flag %d", f)
				.singleElement()
				.satisfies((flag) -> assertThat(((Flag) flag).getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE));
		}
	}

	private static long left() {
		return heima.getBean(DatabaseClient.class)
			.sql("select count(*) from fhir_outbox where identifier_system = :s")
			.bind("s", SYSTEM)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private static List<?> onServer(String type, String value) {
		return fhir.provider(type).search(new TokenParam(SYSTEM, value));
	}

	private static FhirOutboxMessage observation(int i) {
		String patient = PATIENTS[i % PATIENTS.length];
		Observation o = new Observation();
		o.addIdentifier().setSystem(SYSTEM).setValue(RUN + "-o" + i);
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.getCode().addCoding().setSystem("http://loinc.org").setCode("29463-7");
		o.setValue(new org.hl7.fhir.r4.model.Quantity(70 + i % 30).setUnit("kg"));
		o.setSubject(reference(patient));
		return new FhirOutboxMessage("Observation", SYSTEM, RUN + "-o" + i, FhirJson.write(o), FNR, patient, "Treg",
				"Tjener", null);
	}

	/** Revisions 1.. of a Flag: active, then inactive at the last. */
	private static FhirOutboxMessage flag(int f, int revision) {
		String patient = PATIENTS[f % PATIENTS.length];
		Flag flag = new Flag();
		flag.addIdentifier().setSystem(SYSTEM).setValue(RUN + "-f" + f);
		flag.setStatus((revision == FLAG_REVISIONS) ? Flag.FlagStatus.INACTIVE : Flag.FlagStatus.ACTIVE);
		flag.getCode().setText("revision " + revision);
		flag.setSubject(reference(patient));
		return FhirOutboxMessage.upsert("Flag", SYSTEM, RUN + "-f" + f, FhirJson.write(flag), FNR, patient, revision);
	}

	private static Reference reference(String patient) {
		return new Reference().setIdentifier(new org.hl7.fhir.r4.model.Identifier().setSystem(FNR).setValue(patient));
	}

	private static void await(String what, java.util.function.BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Not within 3 minutes: " + what + " (" + left() + " rows left, transactions "
						+ fhir.transactionSizes() + ")");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
