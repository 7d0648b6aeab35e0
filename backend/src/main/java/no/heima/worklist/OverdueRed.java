package no.heima.worklist;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.audit.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import no.heima.platform.PeriodicWork;

/**
 * A red item nobody has taken by its deadline is escalated to the team's escalation
 * contact and role (configuration per team): marked escalated with a note naming them,
 * announced to every open worklist of the team, audited, and counted. A gauge holds how
 * many red items are overdue and untaken, for the alert in
 * {@code docs/runbooks/overdue-red.md}. Every replica may run it: the update only touches
 * an item not yet escalated, so exactly one replica escalates each.
 */
@Component
class OverdueRed implements PeriodicWork {

	static final String ESCALATIONS = "heima.worklist.escalations";

	static final String OVERDUE_RED = "heima.worklist.red.overdue";

	private static final String SYSTEM = "system:escalation";

	private static final Logger log = LoggerFactory.getLogger(OverdueRed.class);

	/**
	 * @param teams per team: {@code contact} (who is called, e.g. the on-call physician's
	 * phone) and {@code role} (e.g. the on-call role); a team without one is still
	 * escalated, with a note that nobody is configured
	 */
	@ConfigurationProperties("heima.worklist.escalation")
	record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") Duration interval,
			Map<String, Team> teams) {

		Settings {
			teams = (teams != null) ? Map.copyOf(teams) : Map.of();
		}

		record Team(String contact, String role) {
		}

	}

	private final Settings settings;

	private final DatabaseClient db;

	private final WorklistRepository worklist;

	private final AuditLog audit;

	private final TransactionalOperator tx;

	private final Clock clock;

	private final MeterRegistry meters;

	private final AtomicLong overdue;

	OverdueRed(Settings settings, DatabaseClient db, WorklistRepository worklist, AuditLog audit,
			TransactionalOperator tx, Clock clock, MeterRegistry meters) {
		this.settings = settings;
		this.db = db;
		this.worklist = worklist;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
		this.meters = meters;
		this.overdue = meters.gauge(OVERDUE_RED, new AtomicLong());
	}

	/** One scan: escalates what is due; emits how many this replica escalated. */
	Mono<Long> scan() {
		Instant now = this.clock.instant();
		return this.db.sql("""
				select id, team, patient_id from worklist_item
				where level = 'RED' and status = 'OPEN' and escalated_at is null and due_at < :now
				order by due_at limit 500
				""")
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.map((row) -> new Candidate(row.get("id", UUID.class), row.get("team", String.class),
					row.get("patient_id", UUID.class)))
			.all()
			.concatMap((candidate) -> escalate(candidate, now))
			.filter(Boolean::booleanValue)
			.count()
			.flatMap((escalated) -> countOverdue(now).thenReturn(escalated));
	}

	private record Candidate(UUID id, String team, UUID patientId) {
	}

	private Mono<Boolean> escalate(Candidate item, Instant now) {
		String note = note(item.team());
		return this.tx.transactional(
				this.db.sql("""
						update worklist_item set escalated_at = :now, note = :note, version = version + 1
						where id = :id and level = 'RED' and status = 'OPEN' and escalated_at is null
						""")
					.bind("now", now.atOffset(ZoneOffset.UTC))
					.bind("note", note)
					.bind("id", item.id())
					.fetch()
					.rowsUpdated()
					.flatMap((rows) -> (rows == 0) ? Mono.just(false) : this.audit
						.record(new AuditEntry(SYSTEM, "Heima", "SYSTEM", item.patientId(), AuditAction.UPDATE,
								"WorklistItem", AuditOutcome.SUCCESS, "escalated: red not taken by its deadline"))
						.then(this.worklist.notify("escalated", item.id(), item.team()))
						.thenReturn(true)))
			.doOnNext((escalated) -> {
				if (escalated) {
					this.meters.counter(ESCALATIONS, "team", item.team()).increment();
					log.warn("Red worklist item {} of team {} was not taken by its deadline: escalated ({})", item.id(),
							item.team(), note);
				}
			});
	}

	private Mono<Long> countOverdue(Instant now) {
		return this.db
			.sql("select count(*) from worklist_item where level = 'RED' and status = 'OPEN' and due_at < :now")
			.bind("now", now.atOffset(ZoneOffset.UTC))
			.map((row) -> row.get(0, Long.class))
			.one()
			.doOnNext(this.overdue::set);
	}

	/** The note nurses see on the item, in both languages, naming who it went to. */
	String note(String team) {
		Settings.Team to = this.settings.teams().get(team);
		if (to == null
				|| ((to.contact() == null || to.contact().isBlank()) && (to.role() == null || to.role().isBlank()))) {
			return "Automatisk eskalert: rødt varsel ikke tatt innen fristen; ingen eskaleringskontakt er satt opp for "
					+ team + ". / Escalated automatically: red not taken by its deadline; no escalation contact is"
					+ " configured for " + team + ".";
		}
		String whom = (to.role() != null && !to.role().isBlank() ? to.role() : "")
				+ (to.contact() != null && !to.contact().isBlank()
						? ((to.role() != null && !to.role().isBlank()) ? " — " : "") + to.contact() : "");
		return "Automatisk eskalert til " + whom
				+ ": rødt varsel ikke tatt innen fristen. / Escalated automatically to " + whom
				+ ": red not taken by its deadline.";
	}

	@Override
	public String name() {
		return "scan for red items not taken by their deadline";
	}

	@Override
	public boolean enabled() {
		return this.settings.enabled();
	}

	/**
	 * A red item that is not escalated is a patient nobody looks at: failures are errors.
	 */
	@Override
	public boolean critical() {
		return true;
	}

	@Override
	public Duration firstDelay() {
		return Duration.ofSeconds(20);
	}

	@Override
	public Duration interval() {
		return this.settings.interval();
	}

	@Override
	public Mono<?> runOnce() {
		return scan();
	}

}
