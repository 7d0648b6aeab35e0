package no.heima.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.heima.careplan.CarePlanService;
import no.heima.careplan.Enrolment;
import no.heima.identity.CurrentUser;
import no.heima.identity.Role;
import no.heima.pathway.PathwayService;
import no.heima.pathway.PathwaySummary;
import no.heima.patient.Patient;
import no.heima.patient.PatientService;
import no.heima.patient.RegisterPatient;
import no.heima.questionnaire.QuestionnaireService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seeds the demo once: the demo patients, the demo pathway (published) and the
 * enrolments. A restart finds them and leaves them, and whatever was entered since,
 * alone. Runs through the features' public services as a system actor, so it is validated
 * and audited like any other change.
 */
@Component
@ConditionalOnBooleanProperty("heima.demo.enabled")
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final Duration MAX_SEEDING = Duration.ofMinutes(3);

	private final DemoProperties properties;

	private final PatientService patients;

	private final PathwayService pathways;

	private final CarePlanService carePlans;

	private final Clock clock;

	private final QuestionnaireService questionnaires;

	DemoData(DemoProperties properties, PatientService patients, PathwayService pathways, CarePlanService carePlans,
			Clock clock, QuestionnaireService questionnaires) {
		this.questionnaires = questionnaires;
		this.properties = properties;
		this.patients = patients;
		this.pathways = pathways;
		this.carePlans = carePlans;
		this.clock = clock;
	}

	/**
	 * Waits for the seeding on purpose: this runs once at start-up (not on a request
	 * path), and the demo must be complete before the run command says Heima is ready.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		seedAll().block(MAX_SEEDING);
	}

	Mono<Void> seedAll() {
		Mono<List<Patient>> seeded = Flux.fromIterable(this.properties.patients())
			.concatMap((p) -> this.patients.registerIfAbsent("demo-data",
					new RegisterPatient(p.identifier(), p.givenName(), p.familyName(), null, null, "nb", p.team())))
			.collectList();
		// the demo pathway points at a built-in questionnaire, imported in the background
		// at start-up
		return seeded
			.flatMap((list) -> (this.properties.pathway() == null) ? Mono.empty()
					: this.questionnaires.builtInsImported().then(seedPathway(list)))
			.doOnSuccess((done) -> log.info("Demo data present: {} patients{}", this.properties.patients().size(),
					(this.properties.pathway() != null) ? ", demo pathway and enrolments" : ""));
	}

	private Mono<Void> seedPathway(List<Patient> seeded) {
		DemoProperties.DemoPathwaySettings settings = this.properties.pathway();
		CurrentUser system = new CurrentUser("system:demo-data", "Demo data", Set.of(Role.ADMIN, Role.CLINICIAN),
				List.of(settings.team()), null, null);
		Mono<PathwaySummary> pathway = this.pathways.list(system)
			.filter((p) -> p.name().equals(DemoPathway.NAME) && p.latestVersion() > 0)
			.next()
			.switchIfEmpty(
					Mono.defer(
							() -> this.pathways
								.create(system, settings.team(),
										DemoPathway.definition(settings.questionnaireUrl(),
												settings.questionnaireVersion()))
								.flatMap(
										(created) -> this.pathways.publish(system, created.id()).thenReturn(created))));
		LocalDate start = LocalDate.now(this.clock).minusDays(settings.startDaysAgo());
		return pathway.flatMap((p) -> Flux.fromIterable(seeded)
			.filter((patient) -> settings.enrol().contains(patient.identifier().value()))
			.concatMap((patient) -> this.carePlans.plansOfPatient(patient.id())
				.hasElements()
				.flatMap((enrolled) -> enrolled ? Mono.empty()
						: this.carePlans.enrol(system, patient.id(), new Enrolment(p.id(), null, start, null, null))))
			.then());
	}

}
