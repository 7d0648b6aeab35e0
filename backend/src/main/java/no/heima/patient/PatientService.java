package no.heima.patient;

import no.heima.identity.Access;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditEntry;
import no.heima.audit.AuditLog;
import no.heima.audit.AuditOutcome;
import no.heima.identity.CurrentUser;
import no.heima.identity.Role;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The patient register's public API. Every method checks the caller's role and team, and
 * writes the audit row in the same transaction as the read or change it describes.
 */
@Service
public class PatientService {

	private static final String RESOURCE = "Patient";

	private static final int MAX_PAGE_SIZE = 100;

	private final PatientRepository repository;

	private final AuditLog audit;

	private final TransactionalOperator tx;

	private final PatientProperties properties;

	private final Clock clock;

	private final AccessRequests accessRequests;

	PatientService(PatientRepository repository, AuditLog audit, TransactionalOperator tx, PatientProperties properties,
			Clock clock, AccessRequests accessRequests) {
		this.accessRequests = accessRequests;
		this.repository = repository;
		this.audit = audit;
		this.tx = tx;
		this.properties = properties;
		this.clock = clock;
	}

	public Mono<Patient> register(CurrentUser actor, RegisterPatient command) {
		return Access.require(actor, Role.CLINICIAN).then(Mono.defer(() -> {
			PatientValidator validator = new PatientValidator();
			String team = PatientValidator.blankToNull(command.team());
			if (team == null && !actor.teams().isEmpty()) {
				team = actor.teams().get(0);
			}
			if (team == null) {
				validator.add(new FieldProblem("team", "required", "You belong to no team"));
			}
			else if (!actor.isMemberOf(team)) {
				validator.add(new FieldProblem("team", "not-member", "Not one of your teams"));
			}
			return insert(actor, command, team, validator);
		}));
	}

	/**
	 * Registers on Heima's own behalf (demo data, imports), without a clinician's team
	 * check; returns the existing patient when the identifier is already registered.
	 */
	public Mono<Patient> registerIfAbsent(String systemActor, RegisterPatient command) {
		CurrentUser actor = CurrentUser.system(systemActor);
		NationalId.Result parsed = NationalId.parse(command.identifier(), true, today());
		return parsed.valid()
			.map(id -> repository.findByIdentifier(id.value()))
			.orElse(Mono.empty())
			.switchIfEmpty(Mono.defer(() -> insert(actor, command, command.team(), new PatientValidator())));
	}

	public Mono<PatientPage> search(CurrentUser actor, String query, int page, int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			return Mono.error(HeimaProblemException.validation(
					List.of(new FieldProblem("page", "format", "page >= 0 and size between 1 and " + MAX_PAGE_SIZE))));
		}
		// One statement at a time on the transaction's connection: the page is read to
		// the
		// end before the count and the audit rows (one insert for the page) are sent.
		Mono<PatientPage> work = repository.search(actor.teams(), query, size, (long) page * size)
			.collectList()
			.flatMap(
					found -> repository.count(actor.teams(), query)
						.flatMap(total -> audit
							.recordAll(found.stream()
								.map(p -> entry(actor, p.id(), AuditAction.SEARCH, AuditOutcome.SUCCESS,
										"listed in a search"))
								.toList())
							.thenReturn(new PatientPage(found, page, size, total))));
		return Access.require(actor, Role.CLINICIAN).then(tx.transactional(work));
	}

	/**
	 * A clinician's read; a patient outside the caller's teams is reported as not found.
	 */
	public Mono<Patient> get(CurrentUser actor, UUID id) {
		return Access.require(actor, Role.CLINICIAN)
			.then(tx.transactional(readForClinician(actor, id, AuditAction.READ)))
			.flatMap(Mono::justOrEmpty)
			.switchIfEmpty(notFound());
	}

	/**
	 * For Heima's own background work (no user behind it): the record by id. Callers that
	 * show it to anyone audit that themselves.
	 */
	public Mono<Patient> findForBackgroundWork(UUID id) {
		return repository.findById(id);
	}

	/**
	 * The logged-in patient's own record, found through the national identifier in the
	 * login.
	 */
	public Mono<Patient> getOwn(CurrentUser actor) {
		return Access.require(actor, Role.PATIENT)
			.then(tx.transactional(own(actor)
				.flatMap(p -> audit.record(entry(actor, p.id(), AuditAction.READ, AuditOutcome.SUCCESS, "own record"))
					.thenReturn(p))));
	}

	/**
	 * The logged-in patient's own record for a submission of theirs, without an audit row
	 * of its own: the submission's CREATE row (same transaction, same patient and actor)
	 * records this access, so one row per submission is enough.
	 */
	public Mono<Patient> ownForSubmission(CurrentUser actor) {
		return Access.require(actor, Role.PATIENT).then(own(actor));
	}

	public Mono<Patient> updateContact(CurrentUser actor, UUID id, long expectedVersion, ContactDetails contact) {
		return Access.require(actor, Role.CLINICIAN)
			.then(tx.transactional(readForClinician(actor, id, AuditAction.UPDATE)))
			.flatMap(Mono::justOrEmpty)
			.switchIfEmpty(notFound())
			.flatMap(p -> changeContact(actor, p, expectedVersion, contact));
	}

	public Mono<Patient> updateOwnContact(CurrentUser actor, long expectedVersion, ContactDetails contact) {
		return Access.require(actor, Role.PATIENT)
			.then(own(actor))
			.flatMap(p -> changeContact(actor, p, expectedVersion, contact));
	}

	private Mono<Patient> changeContact(CurrentUser actor, Patient patient, long expectedVersion,
			ContactDetails contact) {
		PatientValidator validator = new PatientValidator();
		validator.contact(contact);
		if (!validator.problems().isEmpty()) {
			return Mono.error(HeimaProblemException.validation(validator.problems()));
		}
		ContactDetails normalised = PatientValidator.normalise(contact);
		Mono<Patient> work = repository.updateContact(patient.id(), expectedVersion, normalised)
			.flatMap(rows -> rows == 0
					? Mono.error(new HeimaProblemException(ProblemType.VERSION_CONFLICT,
							"The patient was changed by someone else; reload and try again"))
					: audit.record(
							entry(actor, patient.id(), AuditAction.UPDATE, AuditOutcome.SUCCESS, "contact details")))
			.then(repository.findById(patient.id()));
		return tx.transactional(work);
	}

	/**
	 * Reads for a clinician and audits the attempt either way; denial is returned as
	 * empty (not an error) so the DENIED audit row commits with the transaction.
	 */
	private Mono<Optional<Patient>> readForClinician(CurrentUser actor, UUID id, AuditAction action) {
		return repository.findById(id).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> {
			boolean allowed = found.isPresent() && found.get().followedByAnyOf(actor.teams());
			AuditOutcome outcome = allowed ? AuditOutcome.SUCCESS : AuditOutcome.DENIED;
			String detail = found.isEmpty() ? "no such patient" : allowed ? null : "not in caller's teams";
			// An allowed update is audited once, when the change itself is written.
			Mono<Void> audited = allowed && action == AuditAction.UPDATE ? Mono.empty()
					: audit.record(entry(actor, id, action, outcome, detail));
			return audited.thenReturn(allowed ? found : Optional.<Patient>empty());
		});
	}

	private Mono<Patient> insert(CurrentUser actor, RegisterPatient command, String team, PatientValidator validator) {
		NationalId nationalId = validator.identifier(command.identifier(), properties.acceptSyntheticIdentifiers(),
				today());
		validator.name("givenName", command.givenName());
		validator.name("familyName", command.familyName());
		ContactDetails contact = new ContactDetails(command.phone(), command.email(), command.preferredLanguage());
		validator.contact(contact);
		if (!validator.problems().isEmpty()) {
			return Mono.error(HeimaProblemException.validation(validator.problems()));
		}
		UUID id = UUID.randomUUID();
		Mono<Patient> work = repository
			.insert(id, nationalId, command.givenName().strip(), command.familyName().strip(),
					PatientValidator.normalise(contact), team)
			.flatMap(p -> audit
				.record(entry(actor, p.id(), AuditAction.CREATE, AuditOutcome.SUCCESS, "registered for team " + team))
				.thenReturn(p));
		return tx.transactional(work)
			.onErrorResume(DataIntegrityViolationException.class,
					(taken) -> alreadyRegistered(actor, nationalId, team));
	}

	/**
	 * The identifier is taken. Followed by one of the caller's teams: they may know
	 * (409). Otherwise the registration becomes an access request, answered exactly like
	 * one (an {@link AccessRequestedInstead}), so nobody learns that the person is
	 * followed elsewhere.
	 */
	private Mono<Patient> alreadyRegistered(CurrentUser actor, NationalId nationalId, String team) {
		return repository.findByIdentifier(nationalId.value())
			.filter((existing) -> existing.followedByAnyOf(actor.teams()))
			.flatMap((visible) -> Mono.<Patient>error(duplicate()))
			.switchIfEmpty(Mono.defer(() -> accessRequests
				.file(actor, nationalId.value(), team, "registration of a person already registered")
				.flatMap((answer) -> Mono.error(new AccessRequestedInstead(answer)))));
	}

	/**
	 * The Heima record of a national identifier, if any, for features that audit an
	 * access by identifier (e.g. a lookup on the hospital's FHIR server) on the person
	 * concerned.
	 */
	public Mono<UUID> idOf(String identifier) {
		return repository.findByIdentifier(identifier).map(Patient::id);
	}

	private Mono<Patient> own(CurrentUser actor) {
		if (actor.nationalId() == null) {
			return Mono.error(notRegistered());
		}
		return repository.findByIdentifier(actor.nationalId()).switchIfEmpty(Mono.error(notRegistered()));
	}

	private static HeimaProblemException duplicate() {
		return new HeimaProblemException(ProblemType.DUPLICATE_IDENTIFIER,
				"A patient with this identifier is already registered",
				List.of(new FieldProblem("identifier", "duplicate", "Already registered")));
	}

	private static HeimaProblemException notRegistered() {
		return new HeimaProblemException(ProblemType.NOT_REGISTERED, "There is no patient record for this login");
	}

	private static <T> Mono<T> notFound() {
		return Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such patient"));
	}

	private static AuditEntry entry(CurrentUser actor, UUID patient, AuditAction action, AuditOutcome outcome,
			String detail) {
		return AuditEntry.of(actor, patient, action, RESOURCE, outcome, detail);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
