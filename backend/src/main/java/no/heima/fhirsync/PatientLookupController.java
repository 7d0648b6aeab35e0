package no.heima.fhirsync;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditLog;
import no.heima.identity.Allowed;
import no.heima.identity.CurrentUser;
import no.heima.identity.CurrentUsers;
import no.heima.identity.Role;
import no.heima.patient.NationalId;
import no.heima.patient.PatientService;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Looks a person up on the hospital's FHIR server by fødselsnummer or D-number, so a
 * clinician registering a patient gets name and birth date filled in. Not found is an
 * answer, not an error; a server that does not answer is a 503 problem, and registration
 * by hand still works.
 */
@Allowed(Role.CLINICIAN)
@RestController
@RequestMapping("/api/fhir/patients")
class PatientLookupController {

	record Lookup(boolean found, String identifier, String givenName, String familyName, LocalDate birthDate) {
	}

	private final FhirServer server;

	private final CurrentUsers users;

	private final AuditLog audit;

	private final PatientService patients;

	PatientLookupController(FhirServer server, CurrentUsers users, AuditLog audit, PatientService patients) {
		this.patients = patients;
		this.server = server;
		this.users = users;
		this.audit = audit;
	}

	@GetMapping
	Mono<Lookup> lookup(@RequestParam String identifier) {
		return this.users.requireRole(Role.CLINICIAN).flatMap((user) -> {
			NationalId.Result parsed = NationalId.parse(identifier, true, LocalDate.now(ZoneId.of("Europe/Oslo")));
			if (parsed.error() != null) {
				return Mono.error(HeimaProblemException.validation(List
					.of(new FieldProblem("identifier", parsed.error().code(), "Not a valid national identifier"))));
			}
			if (!this.server.configured()) {
				return Mono.error(unavailable("No FHIR server is configured"));
			}
			NationalId id = parsed.id();
			return Mono.fromCallable(() -> this.server.findPatient(id.kind().system(), id.value()))
				.subscribeOn(Schedulers.boundedElastic())
				.onErrorMap((ex) -> !(ex instanceof HeimaProblemException),
						(ex) -> unavailable("The FHIR server did not answer: " + ex.getClass().getSimpleName()))
				.flatMap((found) -> audited(user, id).thenReturn(
						found.map((p) -> toLookup(id, p)).orElse(new Lookup(false, id.value(), null, null, null))));
		});
	}

	/**
	 * Whose data was looked up: the identifier searched, and the person's Heima record
	 * when there is one (so the lookup shows in their own access log).
	 */
	private Mono<Void> audited(CurrentUser user, NationalId id) {
		return this.patients.idOf(id.value())
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap((patient) -> this.audit.success(user, patient.orElse(null), AuditAction.READ, "Patient",
					"FHIR lookup of " + id.kind() + " " + id.value()));
	}

	private static Lookup toLookup(NationalId id, Patient patient) {
		HumanName name = patient.getNameFirstRep();
		LocalDate birth = patient.hasBirthDate() ? LocalDate.parse(patient.getBirthDateElement().getValueAsString())
				: id.birthDate();
		return new Lookup(true, id.value(), name.getGivenAsSingleString(), name.getFamily(), birth);
	}

	private static HeimaProblemException unavailable(String detail) {
		return new HeimaProblemException(ProblemType.FHIR_UNAVAILABLE, detail);
	}

}
