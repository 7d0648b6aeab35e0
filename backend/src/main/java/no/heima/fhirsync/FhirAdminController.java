package no.heima.fhirsync;

import java.util.List;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The state of write-back for admins: counts, the rows waiting or parked (type,
 * identifier, attempts, reason; never the resource, which is patient data), and retrying
 * a parked row once its cause is fixed.
 */
@Allowed(Role.ADMIN)
@RestController
@RequestMapping("/api/admin/fhir-outbox")
class FhirAdminController {

	private final OutboxRepository repository;

	private final CurrentUsers users;

	private final FhirServerHealth server;

	FhirAdminController(OutboxRepository repository, CurrentUsers users, FhirServerHealth server) {
		this.server = server;
		this.repository = repository;
		this.users = users;
	}

	@GetMapping("/stats")
	Mono<OutboxRepository.Stats> stats() {
		return this.users.requireRole(Role.ADMIN).then(this.repository.stats());
	}

	@GetMapping
	Mono<List<OutboxRepository.Summary>> list(@RequestParam(defaultValue = "PARKED") String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (!List.of("PENDING", "PARKED").contains(status) || page < 0 || size < 1 || size > 200) {
			return Mono.error(HeimaProblemException.validation(
					List.of(new FieldProblem("status", "format", "status PENDING or PARKED, page >= 0, size 1-200"))));
		}
		return this.users.requireRole(Role.ADMIN)
			.then(this.repository.list(status, size, (long) page * size).collectList());
	}

	@PostMapping("/{id}/retry")
	Mono<OutboxRepository.Stats> retry(@PathVariable long id) {
		return this.users.requireRole(Role.ADMIN)
			.then(this.repository.retry(id))
			.flatMap((rows) -> (rows == 0)
					? Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No parked row " + id))
					: this.repository.stats());
	}

	/**
	 * Parked rows back in line in bulk, once their cause is fixed: all of them, those
	 * whose reason contains {@code reason}, and/or one patient's ({@code patient}: the
	 * national identifier).
	 */
	@PostMapping("/retry")
	Mono<java.util.Map<String, Long>> retryAll(@RequestParam(required = false) String reason,
			@RequestParam(required = false) String patient) {
		return this.users.requireRole(Role.ADMIN)
			.then(this.repository.retryParked(blankToNull(reason), blankToNull(patient)))
			.map((released) -> java.util.Map.of("released", released));
	}

	/** What write-back knows about the FHIR server (as on /actuator/health). */
	@GetMapping("/server")
	Mono<FhirServerHealth.Snapshot> server() {
		return this.users.requireRole(Role.ADMIN).then(Mono.fromSupplier(this.server::snapshot));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
