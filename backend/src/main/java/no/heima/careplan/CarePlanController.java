package no.heima.careplan;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.problem.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Allowed(Role.CLINICIAN)
@RestController
@RequestMapping("/api")
class CarePlanController {

	private final CarePlanService carePlans;

	private final CurrentUsers users;

	private final Clock clock;

	CarePlanController(CarePlanService carePlans, CurrentUsers users, Clock clock) {
		this.carePlans = carePlans;
		this.users = users;
		this.clock = clock;
	}

	record PauseRequest(String reason, LocalDate from, LocalDate until) {
	}

	record EndRequest(String reason) {
	}

	record MoveRequest(int pathwayVersion) {
	}

	@PostMapping("/patients/{patientId}/care-plans")
	Mono<ResponseEntity<CarePlan>> enrol(@PathVariable UUID patientId, @RequestBody Enrolment body) {
		return this.users.current()
			.flatMap((user) -> this.carePlans.enrol(user, patientId, body))
			.map((plan) -> ResponseEntity.created(URI.create("/api/care-plans/" + plan.id()))
				.eTag(IfMatch.etag(plan.version()))
				.body(plan));
	}

	@GetMapping("/patients/{patientId}/care-plans")
	Mono<List<CarePlan>> forPatient(@PathVariable UUID patientId) {
		return this.users.current().flatMap((user) -> this.carePlans.forPatient(user, patientId));
	}

	@GetMapping("/care-plans/{id}")
	Mono<ResponseEntity<CarePlan>> get(@PathVariable UUID id) {
		return this.users.current().flatMap((user) -> this.carePlans.get(user, id)).map(CarePlanController::ok);
	}

	@PutMapping("/care-plans/{id}/thresholds")
	Mono<ResponseEntity<CarePlan>> thresholds(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody List<PersonalThreshold> body) {
		return Mono.fromCallable(() -> IfMatch.version(ifMatch))
			.flatMap((version) -> this.users.current()
				.flatMap((user) -> this.carePlans.setThresholds(user, id, version, body)))
			.map(CarePlanController::ok);
	}

	@PostMapping("/care-plans/{id}/pause")
	Mono<ResponseEntity<CarePlan>> pause(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody PauseRequest body) {
		return Mono.fromCallable(() -> IfMatch.version(ifMatch))
			.flatMap((version) -> this.users.current()
				.flatMap((user) -> this.carePlans.pause(user, id, version, body.reason(), body.from(), body.until())))
			.map(CarePlanController::ok);
	}

	@PostMapping("/care-plans/{id}/resume")
	Mono<ResponseEntity<CarePlan>> resume(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return Mono.fromCallable(() -> IfMatch.version(ifMatch))
			.flatMap((version) -> this.users.current().flatMap((user) -> this.carePlans.resume(user, id, version)))
			.map(CarePlanController::ok);
	}

	@PostMapping("/care-plans/{id}/end")
	Mono<ResponseEntity<CarePlan>> end(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody EndRequest body) {
		return Mono.fromCallable(() -> IfMatch.version(ifMatch))
			.flatMap((version) -> this.users.current()
				.flatMap((user) -> this.carePlans.end(user, id, version, body.reason())))
			.map(CarePlanController::ok);
	}

	@PostMapping("/care-plans/{id}/move")
	Mono<ResponseEntity<CarePlan>> move(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody MoveRequest body) {
		return Mono.fromCallable(() -> IfMatch.version(ifMatch))
			.flatMap((version) -> this.users.current()
				.flatMap((user) -> this.carePlans.move(user, id, version, body.pathwayVersion())))
			.map(CarePlanController::ok);
	}

	@GetMapping(path = "/care-plans/{id}/fhir", produces = FhirJson.MEDIA_TYPE)
	Mono<String> fhir(@PathVariable UUID id) {
		return this.users.current().flatMap((user) -> this.carePlans.fhir(user, id));
	}

	@GetMapping("/care-plans/{id}/tasks")
	Mono<List<Task>> tasks(@PathVariable UUID id, @RequestParam(required = false) LocalDate from,
			@RequestParam(defaultValue = "14") int days) {
		return this.users.current()
			.flatMap((user) -> this.carePlans.tasks(user, id, (from != null) ? from : today(), days));
	}

	@Allowed(Role.PATIENT)
	@GetMapping("/me/care-plans")
	Mono<List<CarePlan>> own() {
		return this.users.current().flatMap(this.carePlans::own);
	}

	@Allowed(Role.PATIENT)
	@GetMapping("/me/tasks")
	Mono<List<Task>> ownTasks(@RequestParam(required = false) LocalDate date) {
		return this.users.current().flatMap((user) -> this.carePlans.ownTasks(user, (date != null) ? date : today()));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static ResponseEntity<CarePlan> ok(CarePlan plan) {
		return ResponseEntity.ok().eTag(IfMatch.etag(plan.version())).body(plan);
	}

}
