package no.heima.worklist;

import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What other features call: raise an item in their own transaction. The NOTIFY goes out
 * when that transaction commits, so an open worklist never shows an item that was rolled
 * back.
 */
@Service
public class Worklist {

	private final WorklistRepository repository;

	private final Deadlines deadlines;

	private final Clock clock;

	Worklist(WorklistRepository repository, Deadlines deadlines, Clock clock) {
		this.repository = repository;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	public Mono<Void> raise(ItemRaised item) {
		return this.repository.insert(item, this.deadlines.dueAt(item.level(), this.clock.instant()))
			.flatMap((id) -> this.repository.notify("raised", id, item.team()));
	}

}
