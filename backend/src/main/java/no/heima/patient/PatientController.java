package no.heima.patient;

import java.net.URI;
import java.util.UUID;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.problem.IfMatch;
import org.springframework.http.HttpStatus;
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
class PatientController {

	private final PatientService patients;

	private final CurrentUsers users;

	PatientController(PatientService patients, CurrentUsers users) {
		this.patients = patients;
		this.users = users;
	}

	/**
	 * 201 with the new record; 202 with a pending access request when another team
	 * already follows the person (the same answer as {@code POST /api/access-requests}).
	 */
	@PostMapping("/patients")
	Mono<ResponseEntity<Object>> register(@RequestBody RegisterPatient body) {
		return users.current()
			.flatMap(user -> patients.register(user, body))
			.map(p -> ResponseEntity.created(URI.create("/api/patients/" + p.id()))
				.eTag(IfMatch.etag(p.version()))
				.<Object>body(p))
			.onErrorResume(AccessRequestedInstead.class,
					instead -> Mono.just(ResponseEntity.status(HttpStatus.ACCEPTED).body(instead.answer())));
	}

	@GetMapping("/patients")
	Mono<PatientPage> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return users.current().flatMap(user -> patients.search(user, q, page, size));
	}

	@GetMapping("/patients/{id}")
	Mono<ResponseEntity<Patient>> get(@PathVariable UUID id) {
		return users.current().flatMap(user -> patients.get(user, id)).map(p -> withVersion(ResponseEntity.ok(), p));
	}

	@PutMapping("/patients/{id}/contact")
	Mono<ResponseEntity<Patient>> updateContact(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ContactDetails body) {
		return Mono.fromCallable(() -> IfMatch.version(ifMatch))
			.flatMap(version -> users.current().flatMap(user -> patients.updateContact(user, id, version, body)))
			.map(p -> withVersion(ResponseEntity.ok(), p));
	}

	@Allowed(Role.PATIENT)
	@GetMapping("/me/patient")
	Mono<ResponseEntity<Patient>> own() {
		return users.current().flatMap(patients::getOwn).map(p -> withVersion(ResponseEntity.ok(), p));
	}

	@Allowed(Role.PATIENT)
	@PutMapping("/me/patient/contact")
	Mono<ResponseEntity<Patient>> updateOwnContact(@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody ContactDetails body) {
		return Mono.fromCallable(() -> IfMatch.version(ifMatch))
			.flatMap(version -> users.current().flatMap(user -> patients.updateOwnContact(user, version, body)))
			.map(p -> withVersion(ResponseEntity.ok(), p));
	}

	private static ResponseEntity<Patient> withVersion(ResponseEntity.BodyBuilder builder, Patient p) {
		return builder.eTag(IfMatch.etag(p.version())).body(p);
	}

}
