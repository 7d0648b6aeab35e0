package no.heima.reminder;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Each patient's reminder choices and the devices that take Web Push. */
@Repository
class PreferenceRepository {

	record Subscription(UUID id, String endpoint, String p256dh, String auth, String device) {
	}

	private final DatabaseClient db;

	PreferenceRepository(DatabaseClient db) {
		this.db = db;
	}

	/** The patient's choices; the defaults when they never chose. */
	Mono<ReminderPreferences> find(UUID patientId) {
		return this.db.sql("select * from reminder_preference where patient_id = :id")
			.bind("id", patientId)
			.map(PreferenceRepository::toPreferences)
			.one()
			.defaultIfEmpty(ReminderPreferences.defaults());
	}

	/** Many patients' stored choices in one read; a patient without a row is absent. */
	Mono<java.util.Map<UUID, ReminderPreferences>> findAll(java.util.List<UUID> patientIds) {
		return this.db.sql("select * from reminder_preference where patient_id = any(cast(:ids as uuid[]))")
			.bind("ids", patientIds.toArray(UUID[]::new))
			.map((row) -> java.util.Map.entry(row.get("patient_id", UUID.class), toPreferences(row)))
			.all()
			.collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue);
	}

	Mono<Void> save(UUID patientId, ReminderPreferences p) {
		var spec = this.db.sql("""
				insert into reminder_preference (patient_id, channels, at_opening, before_closing_minutes, quiet_from,
				  quiet_until, updated_at)
				values (:id, :channels, :atOpening, :before, :quietFrom, :quietUntil, now())
				on conflict (patient_id) do update set channels = excluded.channels, at_opening = excluded.at_opening,
				  before_closing_minutes = excluded.before_closing_minutes, quiet_from = excluded.quiet_from,
				  quiet_until = excluded.quiet_until, updated_at = now()
				""")
			.bind("id", patientId)
			.bind("channels", p.channels().stream().map(Enum::name).sorted().toArray(String[]::new))
			.bind("atOpening", p.atOpening());
		spec = (p.beforeClosing() != null) ? spec.bind("before", (int) p.beforeClosing().toMinutes())
				: spec.bindNull("before", Integer.class);
		spec = (p.quietFrom() != null) ? spec.bind("quietFrom", p.quietFrom())
				: spec.bindNull("quietFrom", LocalTime.class);
		spec = (p.quietUntil() != null) ? spec.bind("quietUntil", p.quietUntil())
				: spec.bindNull("quietUntil", LocalTime.class);
		return spec.then();
	}

	Flux<Subscription> subscriptions(UUID patientId) {
		return this.db.sql("select * from push_subscription where patient_id = :id order by created_at")
			.bind("id", patientId)
			.map((row) -> new Subscription(row.get("id", UUID.class), row.get("endpoint", String.class),
					row.get("p256dh", String.class), row.get("auth", String.class), row.get("device", String.class)))
			.all();
	}

	Mono<Long> countSubscriptions(UUID patientId) {
		return this.db.sql("select count(*) as n from push_subscription where patient_id = :id")
			.bind("id", patientId)
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	/**
	 * Stores a device's subscription; the same endpoint subscribed again (new keys, or
	 * another patient logging in on the device) replaces the old one.
	 */
	Mono<Void> subscribe(UUID patientId, String endpoint, String p256dh, String auth, String device) {
		var spec = this.db.sql("""
				insert into push_subscription (id, patient_id, endpoint, p256dh, auth, device)
				values (:id, :patient, :endpoint, :p256dh, :auth, :device)
				on conflict (endpoint) do update set patient_id = excluded.patient_id, p256dh = excluded.p256dh,
				  auth = excluded.auth, device = excluded.device, created_at = now()
				""")
			.bind("id", UUID.randomUUID())
			.bind("patient", patientId)
			.bind("endpoint", endpoint)
			.bind("p256dh", p256dh)
			.bind("auth", auth);
		spec = (device != null) ? spec.bind("device", device) : spec.bindNull("device", String.class);
		return spec.then();
	}

	Mono<Long> unsubscribe(UUID patientId, String endpoint) {
		return this.db.sql("delete from push_subscription where patient_id = :patient and endpoint = :endpoint")
			.bind("patient", patientId)
			.bind("endpoint", endpoint)
			.fetch()
			.rowsUpdated();
	}

	Mono<Void> forget(String endpoint) {
		return this.db.sql("delete from push_subscription where endpoint = :endpoint")
			.bind("endpoint", endpoint)
			.then();
	}

	private static ReminderPreferences toPreferences(Readable row) {
		String[] channels = row.get("channels", String[].class);
		Set<ReminderPreferences.Channel> set = EnumSet.noneOf(ReminderPreferences.Channel.class);
		Arrays.stream((channels != null) ? channels : new String[0])
			.map(ReminderPreferences.Channel::valueOf)
			.forEach(set::add);
		Integer before = row.get("before_closing_minutes", Integer.class);
		return new ReminderPreferences(java.util.Collections.unmodifiableSet(set),
				Boolean.TRUE.equals(row.get("at_opening", Boolean.class)),
				(before != null) ? Duration.ofMinutes(before) : null, row.get("quiet_from", LocalTime.class),
				row.get("quiet_until", LocalTime.class));
	}

}
