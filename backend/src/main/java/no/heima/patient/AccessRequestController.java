package no.heima.patient;

import java.util.List;
import java.util.UUID;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Access requests: any clinician may ask (202, the same answer whether or not the person
 * exists); clinicians of a team that follows the person list, approve and refuse them.
 */
@Allowed(Role.CLINICIAN)
@RestController
@RequestMapping("/api/access-requests")
class AccessRequestController {

	private final AccessRequests requests;

	private final CurrentUsers users;

	AccessRequestController(AccessRequests requests, CurrentUsers users) {
		this.requests = requests;
		this.users = users;
	}

	@PostMapping
	Mono<ResponseEntity<AccessRequested>> request(@RequestBody RequestAccess body) {
		return this.users.current()
			.flatMap((user) -> this.requests.request(user, body))
			.map((answer) -> ResponseEntity.status(HttpStatus.ACCEPTED).body(answer));
	}

	@GetMapping
	Mono<List<AccessRequest>> pending() {
		return this.users.current().flatMap(this.requests::pending);
	}

	@PostMapping("/{id}/approve")
	Mono<AccessRequest> approve(@PathVariable UUID id) {
		return this.users.current().flatMap((user) -> this.requests.decide(user, id, true));
	}

	@PostMapping("/{id}/refuse")
	Mono<AccessRequest> refuse(@PathVariable UUID id) {
		return this.users.current().flatMap((user) -> this.requests.decide(user, id, false));
	}

}
