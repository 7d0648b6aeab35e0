package no.heima.reminder;

import no.heima.identity.Allowed;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The patient's reminder choices ({@code /api/me/reminders}) and the devices that take
 * Web Push ({@code /api/me/reminders/devices}).
 */
@Allowed(Role.PATIENT)
@RestController
class ReminderController {

	private final ReminderSettingsService settings;

	private final CurrentUsers users;

	ReminderController(ReminderSettingsService settings, CurrentUsers users) {
		this.settings = settings;
		this.users = users;
	}

	@GetMapping("/api/me/reminders")
	Mono<ReminderSettings> get() {
		return this.users.current().flatMap(this.settings::get);
	}

	@PutMapping("/api/me/reminders")
	Mono<ReminderSettings> change(@RequestBody ReminderSettings.Change change) {
		return this.users.current().flatMap((user) -> this.settings.change(user, change));
	}

	@PostMapping("/api/me/reminders/devices")
	Mono<ResponseEntity<Void>> addDevice(@RequestBody ReminderSettings.Device device) {
		return this.users.current()
			.flatMap((user) -> this.settings.addDevice(user, device))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

	@DeleteMapping("/api/me/reminders/devices")
	Mono<ResponseEntity<Void>> removeDevice(@RequestParam(required = false) String endpoint) {
		return this.users.current()
			.flatMap((user) -> this.settings.removeDevice(user, endpoint))
			.then(Mono.just(ResponseEntity.noContent().build()));
	}

}
