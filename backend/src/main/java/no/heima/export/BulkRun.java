package no.heima.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.heima.fhirsync.FhirOutboxMessage;
import no.heima.measurement.ObservationExport;
import no.heima.patient.Patient;
import no.heima.patient.PatientService;
import no.heima.response.ResponseExport;
import no.heima.worklist.FlagExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes one bulk export: patient by patient through the cohort, each resource of a
 * requested type as one NDJSON line into its type's file, renewing the lease (and noting
 * progress) every few patients. Stops without a trace of its own when the job was
 * cancelled or taken over.
 */
@Component
class BulkRun {

	private static final Logger log = LoggerFactory.getLogger(BulkRun.class);

	private static final int RENEW_EVERY = 25;

	/** The job is no longer this replica's to run. */
	static final class Lost extends RuntimeException {

		Lost() {
			super("export job cancelled or taken over", null, false, false);
		}

	}

	private final BulkJobs jobs;

	private final CohortQueries queries;

	private final PatientService patients;

	private final ObservationExport observations;

	private final ResponseExport responses;

	private final FlagExport flags;

	private final BulkResources resources;

	private final ExportProperties properties;

	BulkRun(BulkJobs jobs, CohortQueries queries, PatientService patients, ObservationExport observations,
			ResponseExport responses, FlagExport flags, BulkResources resources, ExportProperties properties) {
		this.jobs = jobs;
		this.queries = queries;
		this.patients = patients;
		this.observations = observations;
		this.responses = responses;
		this.flags = flags;
		this.resources = resources;
		this.properties = properties;
	}

	Mono<Void> run(BulkJob job, String owner) {
		return Mono.defer(() -> write(job, owner))
			.then(this.jobs.finish(job.id(), owner, BulkJob.Status.COMPLETED, null))
			.then()
			.onErrorResume(Lost.class, (lost) -> Mono.empty())
			.onErrorResume((failed) -> {
				log.warn("Bulk export {} failed", job.id(), failed);
				return this.jobs.finish(job.id(), owner, BulkJob.Status.FAILED, failed.getClass().getSimpleName())
					.then();
			});
	}

	private Mono<Void> write(BulkJob job, String owner) {
		Pseudonyms pseudonyms = job.pseudonymise() ? this.properties.pseudonyms(job.salt()) : null;
		Instant since = (job.since() != null) ? job.since() : Instant.EPOCH;
		NdjsonChunks files = new NdjsonChunks(this.jobs, job.id(), owner, this.properties.chunkBytes());
		return this.queries.patients(job.cohort()).collectList().flatMap((ids) -> {
			AtomicInteger done = new AtomicInteger();
			AtomicLong renewed = new AtomicLong(System.nanoTime());
			long every = this.properties.lease().toNanos() / 3;
			return renew(job, owner, 0, ids.size()).thenMany(Flux.fromIterable(ids))
				.concatMap((id) -> patient(job, id, since, pseudonyms, files).then(Mono.defer(() -> {
					int n = done.incrementAndGet();
					// often enough to show progress, and well inside the lease
					// however slow a patient is
					if (n % RENEW_EVERY != 0 && System.nanoTime() - renewed.get() < every) {
						return Mono.empty();
					}
					renewed.set(System.nanoTime());
					return renew(job, owner, n, ids.size());
				})), 1)
				.then(Mono.defer(files::flush))
				.then(Mono.defer(() -> renew(job, owner, done.get(), ids.size())));
		});
	}

	private Mono<Void> renew(BulkJob job, String owner, int done, int total) {
		return this.jobs.renew(job.id(), owner, this.properties.lease(), done, total)
			.flatMap((ours) -> ours ? Mono.<Void>empty() : Mono.error(new Lost()));
	}

	private Mono<Void> patient(BulkJob job, UUID id, Instant since, Pseudonyms pseudonyms, NdjsonChunks files) {
		List<String> types = job.types();
		return this.patients.findForBackgroundWork(id).flatMapMany((patient) -> {
			String patientId = this.resources.patientId(patient, pseudonyms);
			Flux<FhirOutboxMessage> messages = Flux.concat(
					types.contains("Observation") ? this.observations.since(patient, since) : Flux.empty(),
					(types.contains("Observation") || types.contains("QuestionnaireResponse"))
							? this.responses.since(patient, since) : Flux.empty(),
					types.contains("Flag") ? this.flags.since(patient, since) : Flux.empty());
			Flux<String[]> lines = messages.filter((m) -> types.contains(m.resourceType()))
				.map((m) -> new String[] { m.resourceType(), this.resources.resource(m, patientId, pseudonyms) });
			return wantsPatient(types, patient, since) ? Flux.concat(
					Mono.fromSupplier(() -> new String[] { "Patient", this.resources.patient(patient, pseudonyms) }),
					lines) : lines;
		}).concatMap((line) -> files.add(line[0], line[1]), 1).then();
	}

	/**
	 * The exported Patient holds what never changes after registration (identifier, name,
	 * birth date): it changed since {@code since} only if registered since.
	 */
	private static boolean wantsPatient(List<String> types, Patient patient, Instant since) {
		return types.contains("Patient") && (patient.createdAt() == null || !patient.createdAt().isBefore(since));
	}

}
