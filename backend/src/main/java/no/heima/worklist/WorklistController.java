package no.heima.worklist;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.patient.PatientService;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Allowed(Role.CLINICIAN)
@RestController
@RequestMapping("/api")
class WorklistController {

	/** Keeps idle event streams open through proxies that close silent connections. */
	private static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private static final Map<String, Boolean> RELOAD = Map.of("reload", true);

	private final WorklistService worklist;

	private final LiveFeed feed;

	private final CurrentUsers users;

	private final PatientService patients;

	private final WorklistByPatient byPatient;

	WorklistController(WorklistService worklist, LiveFeed feed, CurrentUsers users, PatientService patients,
			WorklistByPatient byPatient) {
		this.byPatient = byPatient;
		this.worklist = worklist;
		this.feed = feed;
		this.users = users;
		this.patients = patients;
	}

	record AssignRequest(String subject) {
	}

	@GetMapping("/worklist")
	Mono<WorklistPage> open(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.users.current().flatMap((user) -> this.worklist.open(user, page, size));
	}

	/**
	 * Live changes to the caller's teams' items as server-sent events: event name raised,
	 * taken, escalated or resolved, data the item as it is now; or event name reload
	 * (data {@code {"reload":true}}) when changes may have been missed: fetch the list
	 * again.
	 */
	@GetMapping(path = "/worklist/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> stream() {
		return this.users.requireRole(Role.CLINICIAN).flatMapMany((user) -> {
			Flux<ServerSentEvent<Object>> changes = this.feed.forUser(user).map(WorklistController::event);
			Flux<ServerSentEvent<Object>> heartbeat = Flux.interval(HEARTBEAT)
				.map((tick) -> ServerSentEvent.builder().comment("keep-alive").build());
			return Flux.merge(Flux.just(ServerSentEvent.builder().comment("connected").build()), changes, heartbeat);
		});
	}

	static ServerSentEvent<Object> event(LiveFeed.Pushed pushed) {
		if (pushed.reload()) {
			// an event without data is not dispatched by browsers' EventSource
			return ServerSentEvent.<Object>builder(RELOAD).event(LiveFeed.Pushed.RELOAD.event()).build();
		}
		return ServerSentEvent.<Object>builder(pushed.item())
			.event(pushed.event())
			.id(pushed.item().id().toString())
			.build();
	}

	@PostMapping("/worklist/{id}/take")
	Mono<WorklistItem> take(@PathVariable UUID id) {
		return this.users.current().flatMap((user) -> this.worklist.take(user, id));
	}

	@PostMapping("/worklist/{id}/escalate")
	Mono<WorklistItem> escalate(@PathVariable UUID id, @RequestBody Escalation body) {
		return this.users.current().flatMap((user) -> this.worklist.escalate(user, id, body));
	}

	@PostMapping("/worklist/{id}/assign")
	Mono<WorklistItem> assign(@PathVariable UUID id, @RequestBody AssignRequest body) {
		return this.users.current().flatMap((user) -> this.worklist.assign(user, id, body.subject()));
	}

	/**
	 * The worklist by patient: one row per patient (worst level first) with their items,
	 * filtered by level, kind, show (all, mine, unassigned, overdue) and a search by name
	 * or identifier.
	 */
	@GetMapping("/worklist/patients")
	Mono<PatientRowsPage> byPatient(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size, @RequestParam(required = false) String level,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String show,
			@RequestParam(required = false) String q) {
		return Mono.fromCallable(() -> WorklistFilter.of(level, kind, show, q))
			.flatMap((filter) -> this.users.current().flatMap((user) -> this.byPatient.page(user, filter, page, size)));
	}

	/**
	 * One patient's items of the caseload, a page at a time (their row shows the first
	 * ones), with the same filter as the caseload.
	 */
	@GetMapping("/worklist/patients/{patientId}/items")
	Mono<WorklistPage> itemsOfPatient(@PathVariable UUID patientId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String level,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String show,
			@RequestParam(required = false) String q) {
		return Mono.fromCallable(() -> WorklistFilter.of(level, kind, show, q))
			.flatMap((filter) -> this.users.current()
				.flatMap((user) -> this.byPatient.itemsOf(user, patientId,
						user.has(Role.CLINICIAN) ? this.patients.get(user, patientId) : Mono.empty(), filter, page,
						size)));
	}

	@PostMapping("/worklist/{id}/resolve")
	Mono<WorklistItem> resolve(@PathVariable UUID id, @RequestBody Resolution body) {
		return this.users.current().flatMap((user) -> this.worklist.resolve(user, id, body));
	}

	/**
	 * The patient's own submissions' reviews: who looked at them, when, and their
	 * message.
	 */
	@Allowed(Role.PATIENT)
	@GetMapping("/me/reviews")
	Mono<List<Review>> reviews() {
		return this.users.current()
			.flatMap(this.patients::getOwn)
			.flatMap((patient) -> this.worklist.reviewsFor(patient.id()).collectList());
	}

	/**
	 * A patient's items for the clinician's patient overview (team checked and audited).
	 */
	@GetMapping("/patients/{patientId}/worklist")
	Mono<List<WorklistItem>> forPatient(@PathVariable UUID patientId) {
		return this.users.current()
			.flatMap((user) -> this.patients.get(user, patientId)
				.flatMap((patient) -> this.worklist.forPatient(patientId)
					.filter((item) -> user.isMemberOf(item.team()))
					.collectList()));
	}

}
