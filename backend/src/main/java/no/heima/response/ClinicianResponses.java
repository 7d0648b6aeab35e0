package no.heima.response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.heima.attachment.AttachmentService;
import no.heima.attachment.StoredAttachment;
import no.heima.audit.AuditAction;
import no.heima.audit.AuditLog;
import no.heima.fhir.FhirJson;
import no.heima.identity.CurrentUser;
import no.heima.pathway.CombinationRule;
import no.heima.pathway.LocalizedText;
import no.heima.pathway.PathwayService;
import no.heima.patient.PatientService;
import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import no.heima.questionnaire.QuestionnaireRef;
import no.heima.questionnaire.QuestionnaireService;
import no.heima.questionnaire.Score;
import no.heima.questionnaire.Translations;
import no.heima.triage.Assessment;
import no.heima.triage.CombinationTriage;
import no.heima.triage.Level;
import no.heima.triage.Reason;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The care team's read side of questionnaire responses. Access goes through the patient
 * (team membership checked, the attempt audited either way, 404 for a patient of another
 * team), then only responses under the reader's own teams' care plans are shown; each
 * read is audited.
 */
@Service
public class ClinicianResponses {

	private static final int MAX_LIST = 200;

	private final ClinicianResponseRepository repository;

	private final PatientService patients;

	private final QuestionnaireService questionnaires;

	private final AuditLog audit;

	private final TransactionalOperator tx;

	private final AttachmentService attachments;

	private final PathwayService pathways;

	ClinicianResponses(ClinicianResponseRepository repository, PatientService patients,
			QuestionnaireService questionnaires, AuditLog audit, TransactionalOperator tx,
			AttachmentService attachments, PathwayService pathways) {
		this.attachments = attachments;
		this.pathways = pathways;
		this.repository = repository;
		this.patients = patients;
		this.questionnaires = questionnaires;
		this.audit = audit;
		this.tx = tx;
	}

	public Mono<List<ResponseReading.Summary>> list(CurrentUser actor, UUID patientId, String language) {
		return this.patients.get(actor, patientId)
			.flatMap((patient) -> this.tx.transactional(audit(actor, patient.id(), "responses")
				.thenMany(this.repository.forPatient(patient.id(), actor.teams(), MAX_LIST))
				.collectList()))
			.flatMap((rows) -> {
				Map<String, Mono<String>> titles = new HashMap<>();
				Map<String, Mono<Map<String, String>>> labels = new HashMap<>();
				return Flux.fromIterable(rows)
					.concatMap((r) -> titles.computeIfAbsent(r.questionnaire(), (q) -> title(q, language).cache())
						.zipWith(labels.computeIfAbsent(r.questionnaire(), (q) -> scoreLabels(r, language).cache()))
						.map((found) -> new ResponseReading.Summary(r.id(), r.carePlanId(), r.activityId(), r.date(),
								r.questionnaire(), found.getT1(), r.authored(), r.triage().level(),
								r.triage().assessed(), r.triage().reasons(), scorePoints(r, found.getT2()))))
					.collectList();
			});
	}

	public Mono<ResponseReading.Detail> detail(CurrentUser actor, UUID patientId, UUID responseId, String language) {
		return this.patients.get(actor, patientId)
			.flatMap((patient) -> this.repository.one(patient.id(), responseId, actor.teams())
				.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such response")))
				.flatMap((row) -> this.tx.transactional(audit(actor, patient.id(), "response " + responseId))
					.then(withPrevious(patient.id(), row, actor.teams())))
				.flatMap((pair) -> questionnaire(pair.current().response().questionnaire())
					.flatMap((q) -> Mono.fromCallable(() -> read(q, pair, language, patientId))
						.subscribeOn(Schedulers.boundedElastic()))))
			.flatMap((read) -> ruleTexts(read.triage(), language).map(read::withRules));
	}

	/**
	 * The response as stored (FHIR QuestionnaireResponse JSON), for the care team's own
	 * record and for checks that compare it with what was sent.
	 */
	public Mono<String> resource(CurrentUser actor, UUID patientId, UUID responseId) {
		return this.patients.get(actor, patientId)
			.flatMap(
					(patient) -> this.repository.one(patient.id(), responseId, actor.teams())
						.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such response")))
						.flatMap((row) -> this.tx
							.transactional(audit(actor, patient.id(), "response " + responseId + " (FHIR)"))
							.thenReturn(row.resource())));
	}

	/**
	 * A file the response refers to (only one it refers to, of the same patient, under
	 * the reader's teams); the read is audited.
	 */
	public Mono<StoredAttachment> attachment(CurrentUser actor, UUID patientId, UUID responseId, UUID attachmentId) {
		return this.patients.get(actor, patientId)
			.flatMap((patient) -> this.repository.one(patient.id(), responseId, actor.teams())
				.filter((row) -> ResponseAttachments
					.refersTo(FhirJson.read(QuestionnaireResponse.class, row.resource()), attachmentId))
				.flatMap((row) -> this.attachments.ofPatient(patient.id(), attachmentId))
				.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND, "No such attachment")))
				.flatMap((file) -> this.tx
					.transactional(
							audit(actor, patient.id(), "attachment " + attachmentId + " of response " + responseId))
					.thenReturn(file)));
	}

	private record Pair(ClinicianResponseRepository.Row current, ClinicianResponseRepository.Row previous) {
	}

	private Mono<Pair> withPrevious(UUID patientId, ClinicianResponseRepository.Row row, List<String> teams) {
		SubmittedResponse r = row.response();
		return this.repository.previous(patientId, url(r.questionnaire()), r.authored(), r.id(), teams)
			.map((previous) -> new Pair(row, previous))
			.defaultIfEmpty(new Pair(row, null));
	}

	private ResponseReading.Detail read(Questionnaire questionnaire, Pair pair, String language, UUID patientId) {
		SubmittedResponse r = pair.current().response();
		QuestionnaireResponse stored = FhirJson.read(QuestionnaireResponse.class, pair.current().resource());
		List<AnswerReading.Answer> now = AnswerReading.read(questionnaire, stored, language);
		Map<String, List<ResponseReading.AttachmentLink>> files = ResponseAttachments.byLinkId(stored, patientId,
				r.id());
		Map<String, AnswerReading.Answer> before = new HashMap<>();
		SubmittedResponse p = (pair.previous() != null) ? pair.previous().response() : null;
		if (pair.previous() != null) {
			AnswerReading
				.read(questionnaire, FhirJson.read(QuestionnaireResponse.class, pair.previous().resource()), language)
				.forEach((a) -> before.put(a.linkId(), a));
		}
		Map<String, String> labels = new HashMap<>();
		now.forEach((a) -> labels.put(a.linkId(), a.question()));
		List<ResponseReading.AnswerLine> answers = now.stream().filter((a) -> !a.calculated()).map((a) -> {
			AnswerReading.Answer old = before.get(a.linkId());
			boolean changed = p != null && (old == null || !old.values().equals(a.values()));
			return new ResponseReading.AnswerLine(a.linkId(), a.question(), a.displays(),
					old != null ? old.displays() : List.of(), changed, worst(reasonsFor(r, a.linkId())),
					files.getOrDefault(a.linkId(), List.of()));
		}).toList();
		Map<String, Score> previousScores = new HashMap<>();
		if (p != null) {
			p.scores().forEach((s) -> previousScores.put(s.linkId(), s));
		}
		List<ResponseReading.ScoreLine> scores = r.scores().stream().map((s) -> {
			List<Reason> reasons = reasonsFor(r, s.linkId());
			Score old = previousScores.get(s.linkId());
			Level level = worst(reasons);
			return new ResponseReading.ScoreLine(s.linkId(), labels.getOrDefault(s.linkId(), s.linkId()), s.value(),
					s.valueText(), level, reasons, old != null ? old.valueText() : null,
					p != null && (old == null || !Objects.equals(old.valueText(), s.valueText())));
		}).toList();
		return new ResponseReading.Detail(r.id(), r.carePlanId(), r.activityId(), r.date(), r.questionnaire(),
				Translations.title(questionnaire, language), Translations.primarySubtag(language), r.authored(),
				r.receivedAt(), r.triage(), scores, answers,
				p != null ? new ResponseReading.Previous(p.id(), p.authored(), p.date()) : null, Map.of());
	}

	/**
	 * The texts of the combination rules that fired, from the pathway version that
	 * triaged the response, in {@code language} (with fallback; the id when the rule has
	 * no text).
	 */
	private Mono<Map<String, String>> ruleTexts(Assessment triage, String language) {
		Set<String> fired = triage.reasons()
			.stream()
			.filter((reason) -> CombinationTriage.BOUND.equals(reason.bound()))
			.map(Reason::code)
			.collect(Collectors.toSet());
		if (fired.isEmpty() || triage.rules() == null) {
			return Mono.just(Map.of());
		}
		return this.pathways.published(triage.rules().pathwayId(), triage.rules().pathwayVersion())
			.map((pathway) -> pathway.definition()
				.combinations()
				.stream()
				.filter((rule) -> fired.contains(rule.id()))
				.collect(Collectors.toMap(CombinationRule::id,
						(rule) -> LocalizedText.in(rule.description(), rule.id(), Translations.primarySubtag(language)),
						(a, b) -> a)))
			.defaultIfEmpty(Map.of());
	}

	/**
	 * The names of a response's scores in {@code language}, from its questionnaire (none
	 * when the response has no scores, so a form without scores costs no lookup).
	 */
	private Mono<Map<String, String>> scoreLabels(SubmittedResponse r, String language) {
		if (r.scores().isEmpty()) {
			return Mono.just(Map.of());
		}
		return questionnaire(r.questionnaire()).map((q) -> {
			Map<String, String> texts = new HashMap<>();
			itemTexts(q.getItem(), Translations.language(q), language, texts);
			return Map.copyOf(texts);
		}).onErrorReturn(HeimaProblemException.class, Map.of());
	}

	private static void itemTexts(List<Questionnaire.QuestionnaireItemComponent> items, String own, String language,
			Map<String, String> texts) {
		for (Questionnaire.QuestionnaireItemComponent item : items) {
			String text = Translations.text(item.getTextElement(), own, language);
			if (item.getLinkId() != null && text != null) {
				texts.put(item.getLinkId(), text);
			}
			itemTexts(item.getItem(), own, language, texts);
		}
	}

	private static List<ResponseReading.ScorePoint> scorePoints(SubmittedResponse r, Map<String, String> labels) {
		return r.scores()
			.stream()
			.filter((s) -> !s.hidden() && s.value() != null)
			.map((s) -> new ResponseReading.ScorePoint(s.linkId(), labels.getOrDefault(s.linkId(), s.linkId()),
					s.value()))
			.toList();
	}

	private static List<Reason> reasonsFor(SubmittedResponse r, String linkId) {
		return r.triage().reasons().stream().filter((reason) -> linkId.equals(reason.code())).toList();
	}

	private static Level worst(List<Reason> reasons) {
		return reasons.stream().map(Reason::level).reduce(Level::worst).orElse(null);
	}

	private Mono<Questionnaire> questionnaire(String canonical) {
		int bar = canonical.indexOf('|');
		String url = (bar < 0) ? canonical : canonical.substring(0, bar);
		String version = (bar < 0) ? null : canonical.substring(bar + 1);
		return this.questionnaires.json(url, version)
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.NOT_FOUND,
					"The questionnaire " + canonical + " is no longer in the library")))
			.map((json) -> FhirJson.read(Questionnaire.class, json));
	}

	private Mono<String> title(String canonical, String language) {
		int bar = canonical.indexOf('|');
		String url = (bar < 0) ? canonical : canonical.substring(0, bar);
		String version = (bar < 0) ? null : canonical.substring(bar + 1);
		return this.questionnaires.find(url, version)
			.map((QuestionnaireRef ref) -> ref.title(language))
			.defaultIfEmpty(url);
	}

	private static String url(String canonical) {
		int bar = canonical.indexOf('|');
		return (bar < 0) ? canonical : canonical.substring(0, bar);
	}

	private Mono<Void> audit(CurrentUser actor, UUID patientId, String detail) {
		return this.audit.success(actor, patientId, AuditAction.READ, "QuestionnaireResponse", detail);
	}

}
