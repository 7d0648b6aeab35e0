package no.heima.message;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.heima.attachment.Photos;
import no.heima.attachment.StoredAttachment;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditLog;
import no.heima.careplan.CarePlan;
import no.heima.careplan.CarePlanService;
import no.heima.identity.CurrentUser;
import no.heima.patient.Patient;
import no.heima.patient.PatientService;
import no.heima.problem.FieldProblem;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.worklist.ItemRaised;
import no.heima.worklist.Worklist;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Both sides of a patient's conversation with their care team. Every read and write is
 * audited in the same transaction; a clinician only sees and writes the messages of their
 * own teams, and only for patients those teams follow.
 */
@Service
public class MessageService {

	static final String PATIENT = "PATIENT";

	static final String CLINICIAN = "CLINICIAN";

	private static final String RESOURCE = "Message";

	private final MessageRepository repository;

	private final PatientService patients;

	private final CarePlanService carePlans;

	private final Photos photos;

	private final Worklist worklist;

	private final AuditLog audit;

	private final TransactionalOperator tx;

	private final MessageProperties properties;

	private final Clock clock;

	MessageService(MessageRepository repository, PatientService patients, CarePlanService carePlans, Photos photos,
			Worklist worklist, AuditLog audit, TransactionalOperator tx, MessageProperties properties, Clock clock) {
		this.repository = repository;
		this.patients = patients;
		this.carePlans = carePlans;
		this.photos = photos;
		this.worklist = worklist;
		this.audit = audit;
		this.tx = tx;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a send carries: text and the ids of photos uploaded before. */
	public record Draft(String text, List<UUID> photos) {
	}

	// --- the patient's side

	public Mono<List<Message>> own(CurrentUser actor) {
		return this.patients.getOwn(actor)
			.flatMap((patient) -> this.tx.transactional(conversation(patient.id(), null)
				.flatMap((list) -> audit(actor, patient.id(), AuditAction.READ, "conversation").thenReturn(list))));
	}

	public Mono<Message.Photo> uploadPhoto(CurrentUser actor, Flux<DataBuffer> body) {
		return this.patients.getOwn(actor)
			.flatMap((patient) -> this.tx
				.transactional(this.photos.store(patient.id(), body, this.properties.maxPhotoSize().toBytes(), "photo")
					.flatMap((stored) -> audit(actor, patient.id(), AuditAction.CREATE,
							"message photo " + stored.contentType() + " " + stored.size() + " bytes")
						.thenReturn(new Message.Photo(stored.id(), stored.contentType(), stored.size(),
								"/api/me/messages/photos/" + stored.id())))));
	}

	public Mono<Message> sendAsPatient(CurrentUser actor, Draft draft) {
		return check(draft).then(this.patients.getOwn(actor))
			.flatMap((patient) -> careTeam(patient)
				.flatMap((team) -> checkPhotos(patient.id(), draft.photos()).then(Mono.defer(() -> {
					UUID id = UUID.randomUUID();
					String name = (actor.name() != null) ? actor.name()
							: patient.givenName() + " " + patient.familyName();
					Mono<Message> work = this.repository
						.insert(id, patient.id(), team.team(), PATIENT, actor.subject(), name,
								MessageText.normalise(draft.text()), photoIds(draft))
						.then(audit(actor, patient.id(), AuditAction.CREATE, "message to " + team.team()))
						.then(raiseUnlessOpen(patient, team, id, photoIds(draft).size()))
						.then(find(patient.id(), null, id));
					return this.tx.transactional(work);
				}))));
	}

	public Mono<Long> markReadByPatient(CurrentUser actor) {
		return this.patients.getOwn(actor)
			.flatMap((patient) -> this.tx.transactional(this.repository
				.markRead(patient.id(), CLINICIAN, null, actor.subject(),
						patient.givenName() + " " + patient.familyName(), this.clock.instant())
				.flatMap((n) -> (n == 0) ? Mono.just(n)
						: audit(actor, patient.id(), AuditAction.UPDATE, "read " + n + " message(s)").thenReturn(n))));
	}

	public Mono<StoredAttachment> ownPhoto(CurrentUser actor, UUID photoId) {
		return this.patients.getOwn(actor).flatMap((patient) -> photo(actor, patient.id(), photoId, null));
	}

	// --- the care team's side

	public Mono<List<Message>> forClinician(CurrentUser actor, UUID patientId) {
		return this.patients.get(actor, patientId)
			.flatMap((patient) -> this.tx.transactional(conversation(patientId, actor.teams())
				.flatMap((list) -> audit(actor, patientId, AuditAction.READ, "conversation").thenReturn(list))));
	}

	public Mono<Message> sendAsClinician(CurrentUser actor, UUID patientId, Draft draft) {
		if (draft != null && draft.photos() != null && !draft.photos().isEmpty()) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("photos", "not-allowed", "Only patients send photos"))));
		}
		return check(draft).then(this.patients.get(actor, patientId)).flatMap((patient) -> {
			String team = patient.teams().stream().filter(actor::isMemberOf).findFirst().orElse(null);
			if (team == null) {
				return Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such patient"));
			}
			UUID id = UUID.randomUUID();
			String name = (actor.name() != null) ? actor.name() : actor.subject();
			return this.tx.transactional(this.repository
				.insert(id, patientId, team, CLINICIAN, actor.subject(), name, MessageText.normalise(draft.text()),
						List.of())
				.then(audit(actor, patientId, AuditAction.CREATE, "message from " + team))
				.then(find(patientId, actor.teams(), id)));
		});
	}

	public Mono<Long> markReadByClinician(CurrentUser actor, UUID patientId) {
		return this.patients.get(actor, patientId)
			.flatMap((patient) -> this.tx.transactional(this.repository
				.markRead(patientId, PATIENT, actor.teams(), actor.subject(),
						(actor.name() != null) ? actor.name() : actor.subject(), this.clock.instant())
				.flatMap((n) -> (n == 0) ? Mono.just(n)
						: audit(actor, patientId, AuditAction.UPDATE, "read " + n + " message(s)").thenReturn(n))));
	}

	public Mono<StoredAttachment> clinicianPhoto(CurrentUser actor, UUID patientId, UUID photoId) {
		return this.patients.get(actor, patientId)
			.flatMap((patient) -> photo(actor, patientId, photoId, actor.teams()));
	}

	// --- shared

	private Mono<Void> check(Draft draft) {
		if (draft == null) {
			return Mono.error(HeimaProblemException
				.validation(List.of(new FieldProblem("text", "required", "Write a message or add a photo"))));
		}
		List<FieldProblem> problems = new ArrayList<>(MessageText.problems(draft.text(),
				draft.photos() != null && !draft.photos().isEmpty(), this.properties.maxLength()));
		if (draft.photos() != null && draft.photos().size() > this.properties.maxPhotos()) {
			problems.add(new FieldProblem("photos", "too-many", "At most " + this.properties.maxPhotos() + " photos"));
		}
		if (draft.photos() != null && draft.photos().stream().anyMatch(java.util.Objects::isNull)) {
			problems.add(new FieldProblem("photos", "required", "A photo id is missing"));
		}
		return problems.isEmpty() ? Mono.empty() : Mono.error(HeimaProblemException.validation(problems));
	}

	private static List<UUID> photoIds(Draft draft) {
		return (draft.photos() == null) ? List.of() : List.copyOf(new LinkedHashSet<>(draft.photos()));
	}

	/** Every photo must be the patient's own upload, of a photo type, not sent before. */
	private Mono<Void> checkPhotos(UUID patientId, List<UUID> requested) {
		if (requested == null || requested.isEmpty()) {
			return Mono.empty();
		}
		List<UUID> ids = List.copyOf(new LinkedHashSet<>(requested));
		return this.repository.photoFacts(patientId, ids).collectList().flatMap((found) -> {
			boolean all = found.size() == ids.size()
					&& found.stream().allMatch((p) -> Photos.TYPES.contains(p.contentType()));
			if (!all) {
				return Mono.error(new HeimaProblemException(ProblemType.ATTACHMENT_NOT_FOUND,
						"A photo was not uploaded by you", List.of(new FieldProblem("photos", "attachment-not-found",
								"Upload each photo first (POST /api/me/messages/photos)"))));
			}
			return this.repository.photosAlreadySent(patientId, ids)
				.flatMap((n) -> (n > 0)
						? Mono.error(HeimaProblemException.validation(
								List.of(new FieldProblem("photos", "already-sent", "A photo was already sent"))))
						: Mono.<Void>empty());
		});
	}

	record Team(String team, UUID carePlanId) {
	}

	/**
	 * The team of the patient's newest open care plan, else the first team following
	 * them.
	 */
	private Mono<Team> careTeam(Patient patient) {
		return this.carePlans.plansOfPatient(patient.id())
			.filter((plan) -> plan.status() != CarePlan.Status.ENDED)
			.sort(Comparator.comparing(CarePlan::createdAt).reversed())
			.next()
			.map((plan) -> new Team(plan.team(), plan.id()))
			.switchIfEmpty(Mono.defer(() -> patient.teams().isEmpty()
					? Mono.error(new HeimaProblemException(ProblemType.STATE_CONFLICT, "No care team follows you"))
					: Mono.just(new Team(patient.teams().get(0), null))));
	}

	private Mono<Void> raiseUnlessOpen(Patient patient, Team team, UUID messageId, int photoCount) {
		return this.worklist.hasOpen(patient.id(), ItemRaised.Kind.MESSAGE)
			.flatMap((open) -> open ? Mono.empty()
					: this.worklist.raise(new ItemRaised(patient, team.carePlanId(), team.team(),
							ItemRaised.Kind.MESSAGE, messageId.toString(), null, "MESSAGE",
							"Ny melding fra pasienten / New message from the patient",
							"{\"messageId\":\"" + messageId + "\",\"photos\":" + photoCount + "}")));
	}

	private Mono<Message> find(UUID patientId, List<String> teams, UUID id) {
		return conversation(patientId, teams)
			.flatMap((list) -> Mono.justOrEmpty(list.stream().filter((m) -> m.id().equals(id)).findFirst()));
	}

	/**
	 * The newest messages, oldest first; {@code teams} null for the patient (all teams).
	 */
	private Mono<List<Message>> conversation(UUID patientId, List<String> teams) {
		String photoUrl = (teams == null) ? "/api/me/messages/photos/"
				: "/api/patients/" + patientId + "/messages/photos/";
		return this.repository.conversation(patientId, teams, this.properties.history())
			.collectList()
			.flatMap((rows) -> withPhotos(patientId, rows, photoUrl));
	}

	private Mono<List<Message>> withPhotos(UUID patientId, List<MessageRepository.Row> rows, String photoUrl) {
		List<UUID> ids = rows.stream().flatMap((r) -> r.photoIds().stream()).toList();
		return this.repository.photoFacts(patientId, ids)
			.collectMap(MessageRepository.PhotoFacts::id, Function.identity())
			.map((facts) -> rows.stream().map((r) -> toMessage(r, facts, photoUrl)).toList());
	}

	private static Message toMessage(MessageRepository.Row r, Map<UUID, MessageRepository.PhotoFacts> facts,
			String photoUrl) {
		List<Message.Photo> photos = r.photoIds()
			.stream()
			.map(facts::get)
			.filter(java.util.Objects::nonNull)
			.map((p) -> new Message.Photo(p.id(), p.contentType(), p.size(), photoUrl + p.id()))
			.collect(Collectors.toList());
		return new Message(r.id(), r.team(), r.authorKind(), r.authorName(), r.body(), photos, r.sentAt(), r.readAt(),
				r.readByName());
	}

	private Mono<StoredAttachment> photo(CurrentUser actor, UUID patientId, UUID photoId, List<String> teams) {
		Mono<Boolean> allowed = (teams == null) ? Mono.just(true)
				: this.repository.photoInConversation(patientId, photoId, teams);
		return allowed.filter(Boolean::booleanValue)
			.flatMap((ok) -> this.photos.find(patientId, List.of(photoId)).next())
			.filter((p) -> Photos.TYPES.contains(p.contentType()))
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such photo")))
			.flatMap((p) -> audit(actor, patientId, AuditAction.READ, "message photo " + photoId).thenReturn(p));
	}

	private Mono<Void> audit(CurrentUser actor, UUID patientId, AuditAction action, String detail) {
		return this.audit.success(actor, patientId, action, RESOURCE, detail);
	}

}
