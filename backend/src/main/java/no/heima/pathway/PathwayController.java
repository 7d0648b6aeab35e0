package no.heima.pathway;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.heima.fhir.FhirJson;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@Allowed({ Role.CLINICIAN, Role.ADMIN })
@RestController
@RequestMapping("/api/pathways")
class PathwayController {

	private final PathwayService pathways;

	private final CurrentUsers users;

	private final Clock clock;

	private final PlanDefinitionExport export;

	PathwayController(PathwayService pathways, CurrentUsers users, Clock clock, PlanDefinitionExport export) {
		this.pathways = pathways;
		this.users = users;
		this.clock = clock;
		this.export = export;
	}

	record CreatePathway(String team, PathwayDefinition definition) {
	}

	@GetMapping
	Mono<List<PathwaySummary>> list() {
		return this.users.current().flatMapMany(this.pathways::list).collectList();
	}

	@Allowed(Role.ADMIN)
	@PostMapping
	Mono<ResponseEntity<PathwaySummary>> create(@RequestBody CreatePathway body) {
		return this.users.current()
			.flatMap((user) -> this.pathways.create(user, body.team(), body.definition()))
			.map((p) -> ResponseEntity.created(java.net.URI.create("/api/pathways/" + p.id())).body(p));
	}

	@GetMapping("/{id}")
	Mono<PathwaySummary> get(@PathVariable UUID id) {
		return this.users.current().flatMap((user) -> this.pathways.get(user, id));
	}

	@GetMapping("/{id}/draft")
	Mono<PathwayDefinition> draft(@PathVariable UUID id) {
		return this.users.current().flatMap((user) -> this.pathways.draftOrLatest(user, id));
	}

	@Allowed(Role.ADMIN)
	@PutMapping("/{id}/draft")
	Mono<PathwaySummary> saveDraft(@PathVariable UUID id, @RequestBody PathwayDefinition definition) {
		return this.users.current().flatMap((user) -> this.pathways.saveDraft(user, id, definition));
	}

	@Allowed(Role.ADMIN)
	@PostMapping("/{id}/publish")
	Mono<PublishedPathway> publish(@PathVariable UUID id) {
		return this.users.current().flatMap((user) -> this.pathways.publish(user, id));
	}

	@GetMapping("/{id}/versions")
	Mono<List<PublishedPathway>> versions(@PathVariable UUID id) {
		return this.users.current().flatMap((user) -> this.pathways.versions(user, id));
	}

	@GetMapping("/{id}/versions/{version}")
	Mono<PublishedPathway> version(@PathVariable UUID id, @PathVariable int version) {
		return this.users.current().flatMap((user) -> this.pathways.version(user, id, version));
	}

	/** The version as a FHIR PlanDefinition with contained ActivityDefinitions. */
	@GetMapping(path = "/{id}/versions/{version}/fhir", produces = FhirJson.MEDIA_TYPE)
	Mono<String> fhir(@PathVariable UUID id, @PathVariable int version) {
		return this.users.current()
			.flatMap((user) -> this.pathways.version(user, id, version))
			.map((pathway) -> FhirJson.write(this.export.toFhir(pathway)));
	}

	@GetMapping("/{id}/preview")
	Mono<List<SchedulePreview.Day>> preview(@PathVariable UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) LocalDate start, @RequestParam(defaultValue = "30") int days) {
		return this.users.current()
			.flatMap((user) -> this.pathways.preview(user, id, version,
					(start != null) ? start : LocalDate.now(this.clock), days));
	}

}
