package no.heima.reminder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import no.heima.identity.CurrentUser;
import no.heima.patient.Patient;
import no.heima.patient.PatientService;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The logged-in patient's reminder choices and devices. A channel can be chosen when this
 * server offers it and, for e-mail and SMS, the record has an address or number to use.
 */
@Service
class ReminderSettingsService {

	static final int MAX_DEVICES = 10;

	private static final int MAX_ENDPOINT = 2048;

	private final PatientService patients;

	private final PreferenceRepository preferences;

	private final ReminderRepository reminders;

	private final ReminderChannels channels;

	private final PushChannel push;

	private final TransactionalOperator tx;

	ReminderSettingsService(PatientService patients, PreferenceRepository preferences, ReminderRepository reminders,
			ReminderChannels channels, PushChannel push, TransactionalOperator tx) {
		this.patients = patients;
		this.preferences = preferences;
		this.reminders = reminders;
		this.channels = channels;
		this.push = push;
		this.tx = tx;
	}

	Mono<ReminderSettings> get(CurrentUser actor) {
		return this.patients.getOwn(actor).flatMap(this::settingsOf);
	}

	Mono<ReminderSettings> change(CurrentUser actor, ReminderSettings.Change change) {
		return this.patients.getOwn(actor).flatMap((patient) -> {
			List<FieldProblem> problems = check(patient, change);
			if (!problems.isEmpty()) {
				return Mono.error(HeimaProblemException.validation(problems));
			}
			ReminderPreferences chosen = new ReminderPreferences(
					java.util.Collections.unmodifiableSet(change.channels().isEmpty()
							? EnumSet.noneOf(ReminderPreferences.Channel.class) : EnumSet.copyOf(change.channels())),
					change.atOpening(),
					(change.beforeClosingMinutes() != null) ? Duration.ofMinutes(change.beforeClosingMinutes()) : null,
					change.quietFrom(), change.quietUntil());
			// reminders not yet tried are planned again from the new choices
			return this.tx
				.transactional(
						this.preferences.save(patient.id(), chosen).then(this.reminders.replanPatient(patient.id())))
				.then(settingsOf(patient));
		});
	}

	Mono<Void> addDevice(CurrentUser actor, ReminderSettings.Device device) {
		return this.patients.getOwn(actor).flatMap((patient) -> {
			List<FieldProblem> problems = check(device);
			if (!problems.isEmpty()) {
				return Mono.error(HeimaProblemException.validation(problems));
			}
			return this.preferences.countSubscriptions(patient.id()).flatMap((n) -> {
				if (n >= MAX_DEVICES) {
					return Mono.error(new HeimaProblemException(ProblemType.STATE_CONFLICT,
							"At most " + MAX_DEVICES + " devices take reminders; remove one first"));
				}
				String label = (device.device() != null && !device.device().isBlank())
						? device.device().strip().substring(0, Math.min(device.device().strip().length(), 100)) : null;
				return this.preferences.subscribe(patient.id(), device.endpoint(), device.keys().p256dh(),
						device.keys().auth(), label);
			});
		});
	}

	Mono<Void> removeDevice(CurrentUser actor, String endpoint) {
		return this.patients.getOwn(actor).flatMap((patient) -> {
			if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_ENDPOINT) {
				return Mono.error(HeimaProblemException
					.validation(List.of(new FieldProblem("endpoint", "required", "The device's push endpoint"))));
			}
			return this.preferences.unsubscribe(patient.id(), endpoint)
				.flatMap((n) -> (n == 0)
						? Mono.<Void>error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such device"))
						: Mono.<Void>empty());
		});
	}

	private Mono<ReminderSettings> settingsOf(Patient patient) {
		return Mono.zip(this.preferences.find(patient.id()), this.preferences.countSubscriptions(patient.id()))
			.map((both) -> {
				ReminderPreferences p = both.getT1();
				// a channel this server does not offer (the default e-mail where no SMTP
				// server is
				// set) is not shown as chosen: saving it back would be refused
				List<ReminderPreferences.Channel> offered = offered();
				java.util.Set<ReminderPreferences.Channel> chosen = java.util.Collections.unmodifiableSet(p.channels()
					.stream()
					.filter(offered::contains)
					.collect(java.util.stream.Collectors
						.toCollection(() -> EnumSet.noneOf(ReminderPreferences.Channel.class))));
				return new ReminderSettings(chosen, p.atOpening(),
						(p.beforeClosing() != null) ? (int) p.beforeClosing().toMinutes() : null, p.quietFrom(),
						p.quietUntil(), offered(), has(patient.email()), has(patient.phone()), this.push.publicKey(),
						both.getT2());
			});
	}

	private List<ReminderPreferences.Channel> offered() {
		return List.copyOf(this.channels.offered());
	}

	private List<FieldProblem> check(Patient patient, ReminderSettings.Change change) {
		List<FieldProblem> problems = new ArrayList<>();
		if (change.channels() == null) {
			problems.add(new FieldProblem("channels", "required", "Choose channels (none: no reminders)"));
		}
		else {
			for (ReminderPreferences.Channel channel : change.channels()) {
				if (channel == null) {
					problems.add(new FieldProblem("channels", "unknown", "Not a channel"));
				}
				else if (!offered().contains(channel)) {
					problems.add(new FieldProblem("channels", "not-offered", channel + " is not offered here"));
				}
				else if (channel == ReminderPreferences.Channel.EMAIL && !has(patient.email())) {
					problems.add(new FieldProblem("channels", "no-email", "No e-mail address on record"));
				}
				else if (channel == ReminderPreferences.Channel.SMS && !has(patient.phone())) {
					problems.add(new FieldProblem("channels", "no-phone", "No phone number on record"));
				}
			}
		}
		if (change.atOpening() == null) {
			problems.add(new FieldProblem("atOpening", "required", "Say whether to remind when a task opens"));
		}
		Integer before = change.beforeClosingMinutes();
		if (before != null && (before < 5 || before > 720)) {
			problems.add(new FieldProblem("beforeClosingMinutes", "range", "Between 5 and 720 minutes"));
		}
		if ((change.quietFrom() == null) != (change.quietUntil() == null)) {
			problems.add(new FieldProblem("quietUntil", "required", "Quiet hours need both a start and an end"));
		}
		return problems;
	}

	private static List<FieldProblem> check(ReminderSettings.Device device) {
		List<FieldProblem> problems = new ArrayList<>();
		if (device == null || device.endpoint() == null || device.endpoint().length() > MAX_ENDPOINT
				|| !https(device.endpoint())) {
			problems.add(new FieldProblem("endpoint", "format", "An https URL of a push service"));
		}
		if (device == null || device.keys() == null || decodedLength(device.keys().p256dh()) != 65) {
			problems.add(new FieldProblem("keys.p256dh", "format", "A P-256 public key, base64url"));
		}
		if (device == null || device.keys() == null || decodedLength(device.keys().auth()) != 16) {
			problems.add(new FieldProblem("keys.auth", "format", "A 16-byte secret, base64url"));
		}
		return problems;
	}

	private static boolean https(String url) {
		try {
			URI uri = new URI(url);
			return "https".equals(uri.getScheme()) && uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private static int decodedLength(String base64url) {
		if (base64url == null || base64url.length() > 200) {
			return -1;
		}
		try {
			return Base64.getUrlDecoder().decode(base64url.replace("=", "")).length;
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

	private static boolean has(String value) {
		return value != null && !value.isBlank();
	}

}
