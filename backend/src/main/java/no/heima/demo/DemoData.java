package no.heima.demo;

import no.heima.patient.PatientService;
import no.heima.patient.RegisterPatient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers the demo patients once; a restart finds them and leaves them (and their data)
 * alone.
 */
@Component
@ConditionalOnBooleanProperty("heima.demo.enabled")
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoProperties properties;

	private final PatientService patients;

	DemoData(DemoProperties properties, PatientService patients) {
		this.properties = properties;
		this.patients = patients;
	}

	@EventListener(ApplicationReadyEvent.class)
	Mono<Void> seed() {
		return Flux.fromIterable(properties.patients())
			.concatMap(p -> patients.registerIfAbsent("demo-data",
					new RegisterPatient(p.identifier(), p.givenName(), p.familyName(), null, null, "nb", p.team())))
			.doOnComplete(() -> log.info("Demo patients present: {}", properties.patients().size()))
			.then();
	}

}
