package no.heima.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.patient.PatientService;
import no.heima.testsupport.IntegrationTest;
import no.heima.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reminders planned and sent with a fixed clock (the day is today in Oslo, the times are
 * set), e-mail into GreenMail, a real SMTP server in the test: the window's start brings
 * one e-mail; once the patient has submitted, the closing reminder is not sent; a paused
 * plan gets nothing; two senders on one database send each reminder once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderDeliveryIT extends IntegrationTest {

	static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

	@Autowired
	DatabaseClient db;

	@Autowired
	CarePlanService carePlans;

	@Autowired
	PatientService patients;

	@Autowired
	ReminderProperties properties;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ReminderMetrics metrics;

	GreenMail smtp;

	EmailChannel email;

	UUID pathway;

	@BeforeAll
	void start() {
		this.smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(this.smtp.getSmtp().getPort());
		this.email = new EmailChannel(sender, "heima@sykehus.example");
		// a window of 08:00-20:00 every day
		this.pathway = UUID.fromString((String) as("admin").post()
			.uri("/api/pathways")
			.bodyValue(Map.of("definition",
					Map.of("name", "Påminnelser", "activities", List.of(Map.of("id", "weight", "type", "MEASUREMENT",
							"title", "Vekt", "vital", "BODY_WEIGHT", "schedule",
							Map.of("kind", "DAILY", "windowStart", "08:00", "windowEnd", "20:00"), "collectOnly", true,
							"collectOnlyReason", Map.of("nb", "Bare til samtalen", "en", "Only for the talk"))))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id"));
		as("admin").post().uri("/api/pathways/" + this.pathway + "/publish").exchange().expectStatus().isOk();
	}

	@AfterAll
	void stop() {
		this.smtp.stop();
	}

	@Test
	void eMailAtTheWindowsStartAndNoClosingReminderOnceSubmitted() throws Exception {
		UUID patient = ensurePatient("sykepleier1", "12837540028", "Kari", "Nordvik");
		String address = "kari." + UUID.randomUUID().toString().substring(0, 8) + "@pasient.example";
		setOwnEmail("pasient1", address);
		// the patient's choices through the API: e-mail, at the start and an hour before
		// the end, quiet at night
		as("pasient1").put()
			.uri("/api/me/reminders")
			.bodyValue(Map.of("channels", List.of("EMAIL"), "atOpening", true, "beforeClosingMinutes", 60, "quietFrom",
					"22:00", "quietUntil", "07:00"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.channels")
			.isEqualTo(List.of("EMAIL"))
			.jsonPath("$.hasEmail")
			.isEqualTo(true);
		CarePlan plan = enrol(patient);

		// today's and tomorrow's reminders are planned (two each); rows() shows today's
		assertThat(planner(at(7, 30)).plan(plan, at(7, 30).instant()).block()).isEqualTo(4);
		assertThat(rows(plan)).containsExactly("OPENS EMAIL PENDING " + at(8, 0).instant(),
				"CLOSING EMAIL PENDING " + at(19, 0).instant());

		sender(at(7, 59), this.db).sendDue().block();
		assertThat(mailTo(address)).isEmpty();

		double sentBefore = count("heima.reminders.sent");
		sender(at(8, 0), this.db).sendDue().block();
		List<MimeMessage> mail = mailTo(address);
		assertThat(mail).hasSize(1);
		assertThat(mail.get(0).getSubject()).isEqualTo("Du har en oppgave i Heima");
		String body = GreenMailUtil.getBody(mail.get(0));
		assertThat(body).contains("Du har en oppgave i Heima").doesNotContain("Vekt").doesNotContain("Påminnelser");
		assertThat(count("heima.reminders.sent")).isEqualTo(sentBefore + 1);

		// the patient submits (now, today): the task is done
		as("pasient1").post()
			.uri("/api/me/measurements")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.bodyValue("{\"vital\":\"BODY_WEIGHT\",\"carePlanId\":\"" + plan.id() + "\",\"measuredAt\":\""
					+ Instant.now().minusSeconds(5) + "\",\"values\":[{\"code\":\"29463-7\",\"value\":81.5,"
					+ "\"unit\":\"kg\"}]}")
			.exchange()
			.expectStatus()
			.isCreated();

		double cancelledBefore = count("heima.reminders.cancelled");
		sender(at(19, 0), this.db).sendDue().block();
		assertThat(mailTo(address)).hasSize(1);
		assertThat(rows(plan)).containsExactly("OPENS EMAIL SENT " + at(8, 0).instant(),
				"CLOSING EMAIL CANCELLED " + at(19, 0).instant());
		assertThat(count("heima.reminders.cancelled")).isEqualTo(cancelledBefore + 1);
	}

	@Test
	void nothingIsSentToAPausedPlan() throws Exception {
		String address = "paused." + UUID.randomUUID().toString().substring(0, 8) + "@pasient.example";
		UUID patient = registerWithEmail("Pause", address);
		CarePlan plan = enrol(patient);
		// planned while the plan was running
		assertThat(planner(at(7, 30)).plan(plan, at(7, 30).instant()).block()).isEqualTo(4);
		// paused today
		as("sykepleier1").post()
			.uri("/api/care-plans/" + plan.id() + "/pause")
			.header("If-Match", "\"" + plan.version() + "\"")
			.bodyValue(Map.of("reason", "Innlagt"))
			.exchange()
			.expectStatus()
			.isOk();
		CarePlan paused = plan(patient, plan.id());

		sender(at(8, 0), this.db).sendDue().block();
		sender(at(19, 30), this.db).sendDue().block();
		assertThat(mailTo(address)).isEmpty();
		assertThat(rows(plan)).containsExactly("OPENS EMAIL CANCELLED " + at(8, 0).instant(),
				"CLOSING EMAIL CANCELLED " + at(19, 0).instant());
		// and the planner plans nothing for the paused day (tomorrow neither: the pause
		// is
		// open-ended)
		this.db.sql("delete from reminder where care_plan_id = :id").bind("id", plan.id()).then().block();
		assertThat(planner(at(7, 30)).plan(paused, at(7, 30).instant()).block()).isZero();
	}

	@Test
	void twoSendersOnOneDatabaseSendEachReminderOnce() throws Exception {
		List<String> addresses = new ArrayList<>();
		List<CarePlan> plans = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String address = "twice" + i + "." + UUID.randomUUID().toString().substring(0, 8) + "@pasient.example";
			addresses.add(address);
			plans.add(enrol(registerWithEmail("Replika" + i, address)));
		}
		for (CarePlan plan : plans) {
			planner(at(7, 30)).plan(plan, at(7, 30).instant()).block();
		}
		// both reminders of each plan are due at 19:00 (the window is still open)
		ReminderProperties small = withBatchSize(this.properties, 2);
		TestDatabase.Server server = TestDatabase.get();
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse("r2dbc:" + server.url())
			.mutate()
			.option(ConnectionFactoryOptions.USER, TestDatabase.appRole().username())
			.option(ConnectionFactoryOptions.PASSWORD, TestDatabase.appRole().password())
			.build();
		DatabaseClient otherReplica = DatabaseClient.create(ConnectionFactories.get(options));
		ReminderSender first = sender(at(19, 0), this.db, small);
		ReminderSender second = sender(at(19, 0), otherReplica, small);

		Mono<Long> a = Flux.range(0, 10)
			.concatMap((i) -> first.sendDue())
			.reduce(0L, Long::sum)
			.subscribeOn(Schedulers.parallel());
		Mono<Long> b = Flux.range(0, 10)
			.concatMap((i) -> second.sendDue())
			.reduce(0L, Long::sum)
			.subscribeOn(Schedulers.parallel());
		var sent = Mono.zip(a, b).block(Duration.ofMinutes(2));

		assertThat(sent.getT1() + sent.getT2()).isEqualTo(12);
		for (String address : addresses) {
			assertThat(mailTo(address)).as(address).hasSize(2);
		}
		for (CarePlan plan : plans) {
			assertThat(rows(plan)).allMatch((r) -> r.contains(" SENT "));
		}
	}

	private Clock at(int hour, int minute) {
		return Clock.fixed(LocalDate.now(OSLO).atTime(LocalTime.of(hour, minute)).atZone(OSLO).toInstant(),
				ZoneOffset.UTC);
	}

	private ReminderPlanner planner(Clock clock) {
		return new ReminderPlanner(this.carePlans, new PreferenceRepository(this.db), new ReminderRepository(this.db),
				this.metrics, this.properties, clock, new ReminderChannels(List.of(this.email)));
	}

	private ReminderSender sender(Clock clock, DatabaseClient client) {
		return sender(clock, client, this.properties);
	}

	private ReminderSender sender(Clock clock, DatabaseClient client, ReminderProperties settings) {
		return new ReminderSender(new ReminderRepository(client), new PreferenceRepository(client), this.carePlans,
				this.patients, new ReminderChannels(List.of(this.email)), this.metrics, settings, clock);
	}

	private static ReminderProperties withBatchSize(ReminderProperties p, int batchSize) {
		return new ReminderProperties(p.enabled(), p.planInterval(), p.sendInterval(), batchSize, p.lease(),
				p.maxAttempts(), p.backoffBase(), p.backoffMax(), p.lateTolerance(), p.email(), p.sms(), p.push());
	}

	/**
	 * A round takes plans in batches (one read of choices, tasks and planned reminders
	 * each): in one batch, the plan whose task is done has its pending reminders
	 * cancelled by the planner, the new plan gets its reminders, and the next round
	 * writes nothing.
	 */
	@Test
	void aRoundOverABatchCancelsForTheDoneTaskPlansTheNewAndWritesNothingTwice() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		CarePlan done = enrol(registerWithEmail("Gjort", "done." + suffix + "@pasient.example"));
		CarePlan fresh = enrol(registerWithEmail("Ny", "new." + suffix + "@pasient.example"));
		ReminderPlanner planner = planner(at(7, 30));
		assertThat(planner.plan(done, at(7, 30).instant()).block()).isEqualTo(4);
		// today's weight done, as a submission records it
		this.db
			.sql("insert into task_completion (care_plan_id, activity_id, due_date, completed_at, submission_id)"
					+ " values (:plan, 'weight', :day, now(), :submission)")
			.bind("plan", done.id())
			.bind("day", LocalDate.now(OSLO))
			.bind("submission", UUID.randomUUID())
			.then()
			.block();

		// the fresh plan's four are new; the done plan's tomorrow was planned already
		assertThat(planner.plan(List.of(done, fresh), at(7, 30).instant()).block()).isEqualTo(4);
		assertThat(rows(done)).containsExactly("OPENS EMAIL CANCELLED " + at(8, 0).instant(),
				"CLOSING EMAIL CANCELLED " + at(19, 0).instant());
		assertThat(rows(fresh)).containsExactly("OPENS EMAIL PENDING " + at(8, 0).instant(),
				"CLOSING EMAIL PENDING " + at(19, 0).instant());
		assertThat(planner.plan(List.of(fresh, done), at(7, 30).instant()).block()).isZero();
		assertThat(rows(fresh)).containsExactly("OPENS EMAIL PENDING " + at(8, 0).instant(),
				"CLOSING EMAIL PENDING " + at(19, 0).instant());
		// the other tests' senders send every due reminder: leave none of these pending
		this.db.sql("delete from reminder where care_plan_id in (:done, :fresh)")
			.bind("done", done.id())
			.bind("fresh", fresh.id())
			.then()
			.block();
	}

	private List<String> rows(CarePlan plan) {
		return this.db
			.sql("select kind, channel, status, due_at from reminder where care_plan_id = :id and task_date = :day"
					+ " order by due_at")
			.bind("id", plan.id())
			.bind("day", LocalDate.now(OSLO))
			.map((row) -> row.get("kind", String.class) + " " + row.get("channel", String.class) + " "
					+ row.get("status", String.class) + " "
					+ row.get("due_at", java.time.OffsetDateTime.class).toInstant())
			.all()
			.collectList()
			.block();
	}

	private List<MimeMessage> mailTo(String address) throws Exception {
		List<MimeMessage> to = new ArrayList<>();
		for (MimeMessage m : this.smtp.getReceivedMessages()) {
			if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
				.anyMatch((r) -> r.toString().equalsIgnoreCase(address))) {
				to.add(m);
			}
		}
		return to;
	}

	private double count(String name) {
		return this.meters.find(name).counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private CarePlan enrol(UUID patient) {
		String id = (String) as("sykepleier1").post()
			.uri("/api/patients/" + patient + "/care-plans")
			.bodyValue(Map.of("pathwayId", this.pathway, "startDate", LocalDate.now(OSLO).minusDays(1).toString()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		return plan(patient, UUID.fromString(id));
	}

	private CarePlan plan(UUID patient, UUID id) {
		return this.carePlans.plansOfPatient(patient).filter((p) -> p.id().equals(id)).blockFirst();
	}

	private void setOwnEmail(String user, String address) {
		Map<?, ?> own = as(user).get()
			.uri("/api/me/patient")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		as(user).put()
			.uri("/api/me/patient/contact")
			.header("If-Match", "\"" + own.get("version") + "\"")
			.bodyValue(Map.of("email", address, "preferredLanguage", "nb"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private UUID registerWithEmail(String given, String address) {
		UUID id = ensurePatient("sykepleier1", SyntheticIds.next(), given, "Påminnelse");
		Map<?, ?> record = as("sykepleier1").get()
			.uri("/api/patients/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		as("sykepleier1").put()
			.uri("/api/patients/" + id + "/contact")
			.header("If-Match", "\"" + record.get("version") + "\"")
			.bodyValue(Map.of("email", address))
			.exchange()
			.expectStatus()
			.isOk();
		// the defaults: e-mail at the window's start and an hour before it closes
		return id;
	}

}
