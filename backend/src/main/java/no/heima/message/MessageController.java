package no.heima.message;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.attachment.StoredAttachment;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The conversation, from the patient ({@code /api/me/messages}) and from the care team
 * ({@code /api/patients/{id}/messages}). Photos are uploaded first as the raw request
 * body (any Content-Type: the server looks at the bytes), then named in the message.
 */
@RestController
class MessageController {

	private final MessageService messages;

	private final CurrentUsers users;

	MessageController(MessageService messages, CurrentUsers users) {
		this.messages = messages;
		this.users = users;
	}

	@Allowed(Role.PATIENT)
	@GetMapping("/api/me/messages")
	Mono<List<Message>> own() {
		return this.users.current().flatMap(this.messages::own);
	}

	@Allowed(Role.PATIENT)
	@PostMapping("/api/me/messages")
	Mono<ResponseEntity<Message>> send(@RequestBody MessageService.Draft draft) {
		return this.users.current()
			.flatMap((user) -> this.messages.sendAsPatient(user, draft))
			.map((m) -> ResponseEntity.created(URI.create("/api/me/messages/" + m.id())).body(m));
	}

	@Allowed(Role.PATIENT)
	@PostMapping("/api/me/messages/photos")
	Mono<ResponseEntity<Message.Photo>> upload(ServerHttpRequest request) {
		return this.users.current()
			.flatMap((user) -> this.messages.uploadPhoto(user, request.getBody()))
			.map((p) -> ResponseEntity.created(URI.create(p.url())).body(p));
	}

	@Allowed(Role.PATIENT)
	@PostMapping("/api/me/messages/read")
	Mono<Map<String, Long>> readOwn() {
		return this.users.current().flatMap(this.messages::markReadByPatient).map((n) -> Map.of("read", n));
	}

	@Allowed(Role.PATIENT)
	@GetMapping("/api/me/messages/photos/{photoId}")
	Mono<ResponseEntity<byte[]>> ownPhoto(@PathVariable UUID photoId) {
		return this.users.current()
			.flatMap((user) -> this.messages.ownPhoto(user, photoId))
			.map(MessageController::bytes);
	}

	@Allowed(Role.CLINICIAN)
	@GetMapping("/api/patients/{patientId}/messages")
	Mono<List<Message>> forPatient(@PathVariable UUID patientId) {
		return this.users.current().flatMap((user) -> this.messages.forClinician(user, patientId));
	}

	@Allowed(Role.CLINICIAN)
	@PostMapping("/api/patients/{patientId}/messages")
	Mono<ResponseEntity<Message>> answer(@PathVariable UUID patientId, @RequestBody MessageService.Draft draft) {
		return this.users.current()
			.flatMap((user) -> this.messages.sendAsClinician(user, patientId, draft))
			.map((m) -> ResponseEntity.created(URI.create("/api/patients/" + patientId + "/messages/" + m.id()))
				.body(m));
	}

	@Allowed(Role.CLINICIAN)
	@PostMapping("/api/patients/{patientId}/messages/read")
	Mono<Map<String, Long>> readPatients(@PathVariable UUID patientId) {
		return this.users.current()
			.flatMap((user) -> this.messages.markReadByClinician(user, patientId))
			.map((n) -> Map.of("read", n));
	}

	@Allowed(Role.CLINICIAN)
	@GetMapping("/api/patients/{patientId}/messages/photos/{photoId}")
	Mono<ResponseEntity<byte[]>> photo(@PathVariable UUID patientId, @PathVariable UUID photoId) {
		return this.users.current()
			.flatMap((user) -> this.messages.clinicianPhoto(user, patientId, photoId))
			.map(MessageController::bytes);
	}

	/**
	 * The stored bytes with the type they were found to be; never sniffed or run by a
	 * browser.
	 */
	private static ResponseEntity<byte[]> bytes(StoredAttachment photo) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(photo.data());
	}

}
