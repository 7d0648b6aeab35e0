package no.heima.export;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import no.heima.population.PopulationGenerator;
import no.heima.testsupport.TestIdp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Not a test: a measurement, run on request ({@code -Dheima.benchmarks=true}). Generates
 * 10,000 patients with a year of measurements, exports the whole cohort as CSV through a
 * Heima instance in this JVM and prints the bytes streamed, the time, and the heap used
 * before and at its peak during the export (sampled every 20 ms). The figures are in
 * docs/benchmarks.md; nothing is asserted, so a slow machine cannot fail a build.
 */
@EnabledIfSystemProperty(named = "heima.benchmarks", matches = "true")
class CohortCsvBenchmarkIT {

	@Test
	void exportTenThousandPatients() throws Exception {
		int patients = Integer.getInteger("heima.benchmark.patients", 10_000);
		long measurements = Long.getLong("heima.benchmark.measurements", 1_000_000L);
		long generating = System.nanoTime();
		try (ExportPopulation population = new ExportPopulation(
				new PopulationGenerator.Settings(patients, 20, measurements, 365, 0.04, 13), 1)) {
			System.out.printf("generated %d patients, %d measurements in %.1f s%n", patients, measurements,
					(System.nanoTime() - generating) / 1e9);
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			System.gc();
			long before = memory.getHeapMemoryUsage().getUsed();
			AtomicLong peak = new AtomicLong(before);
			Thread sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			sampler.setDaemon(true);
			sampler.start();
			AtomicLong bytes = new AtomicLong();
			AtomicLong lines = new AtomicLong();
			long started = System.nanoTime();
			WebClient.builder()
				.baseUrl(population.url(0))
				.defaultHeaders((h) -> h.setBearerAuth(TestIdp.accessToken("admin")))
				.build()
				.get()
				.uri("/api/admin/exports/cohort.csv?from=" + java.time.LocalDate.now().minusDays(400))
				.retrieve()
				.bodyToFlux(DataBuffer.class)
				.doOnNext((buffer) -> {
					bytes.addAndGet(buffer.readableByteCount());
					for (int i = buffer.readPosition(); i < buffer.writePosition(); i++) {
						if (buffer.getByte(i) == '\n') {
							lines.incrementAndGet();
						}
					}
					DataBufferUtils.release(buffer);
				})
				.blockLast(Duration.ofMinutes(30));
			double seconds = (System.nanoTime() - started) / 1e9;
			sampler.interrupt();
			Runtime runtime = Runtime.getRuntime();
			System.out.printf(
					"COHORT CSV BENCHMARK: %d patients, %d rows, %.1f MB streamed in %.1f s (%.1f MB/s);"
							+ " heap used before %.0f MB, peak during export %.0f MB (max heap %.0f MB)%n",
					patients, lines.get() - 1, bytes.get() / 1e6, seconds, bytes.get() / 1e6 / seconds, before / 1e6,
					peak.get() / 1e6, runtime.maxMemory() / 1e6);
		}
	}

}
