package no.heima.export;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One run's files being written: a buffer per resource type that goes to the database as
 * a chunk whenever it reaches the chunk size, so a run holds at most one chunk per type.
 * Used by one run, one line at a time.
 */
final class NdjsonChunks {

	private final BulkJobs jobs;

	private final UUID job;

	private final String owner;

	private final int chunkBytes;

	private final Map<String, StringBuilder> buffers = new HashMap<>();

	private final Map<String, Integer> lines = new HashMap<>();

	private final Map<String, Integer> written = new HashMap<>();

	NdjsonChunks(BulkJobs jobs, UUID job, String owner, int chunkBytes) {
		this.jobs = jobs;
		this.job = job;
		this.owner = owner;
		this.chunkBytes = chunkBytes;
	}

	Mono<Void> add(String type, String json) {
		StringBuilder buffer = this.buffers.computeIfAbsent(type, (t) -> new StringBuilder());
		buffer.append(json).append('\n');
		this.lines.merge(type, 1, Integer::sum);
		return (buffer.length() >= this.chunkBytes) ? write(type) : Mono.empty();
	}

	Mono<Void> flush() {
		return Flux.fromIterable(Map.copyOf(this.buffers).keySet())
			.filter((type) -> !this.buffers.get(type).isEmpty())
			.concatMap(this::write)
			.then();
	}

	private Mono<Void> write(String type) {
		StringBuilder buffer = this.buffers.get(type);
		byte[] data = buffer.toString().getBytes(StandardCharsets.UTF_8);
		int count = this.lines.getOrDefault(type, 0);
		int seq = this.written.merge(type, 1, Integer::sum);
		buffer.setLength(0);
		this.lines.put(type, 0);
		return this.jobs.addChunk(this.job, this.owner, type, seq, count, data)
			.flatMap((stored) -> stored ? Mono.<Void>empty() : Mono.error(new BulkRun.Lost()));
	}

}
