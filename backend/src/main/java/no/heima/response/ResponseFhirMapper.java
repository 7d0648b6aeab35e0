package no.heima.response;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import no.heima.attachment.StoredAttachment;
import org.hl7.fhir.r4.model.Attachment;
import java.util.Date;
import java.util.List;
import no.heima.fhir.FhirJson;
import no.heima.fhir.HeimaUris;
import no.heima.fhirsync.FhirOutboxMessage;
import no.heima.patient.Patient;
import no.heima.questionnaire.Score;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TimeType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * A submitted response as FHIR for write-back: the QuestionnaireResponse as scored by the
 * server, and one survey Observation per computed score that has a LOINC code (PHQ-9
 * total 44261-6, GAD-7 total 70274-6), derived from the response. Each carries a Heima
 * identifier to create it conditionally on.
 */
@Component
class ResponseFhirMapper {

	private final HeimaUris uris;

	/**
	 * The questionnaire as written back, by {@code url|version}: a stored version never
	 * changes, so it is serialised once.
	 */
	private final Cache<String, String> questionnaireJson = Caffeine.newBuilder().maximumSize(256).build();

	ResponseFhirMapper(HeimaUris uris) {
		this.uris = uris;
	}

	private static final String OBSERVATION_EXTRACT = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract";

	List<FhirOutboxMessage> toOutbox(SubmittedResponse submitted, String scoredJson, Patient patient,
			String questionnaireJson) {
		return toOutbox(submitted, scoredJson, patient, questionnaireJson, Map.of());
	}

	/**
	 * As above, with the bytes of uploaded attachments put into the written-back response
	 * ({@code Attachment.data}; the Heima url means nothing to the hospital's server).
	 * One resource keeps the photo with the answer it belongs to, delivered and retried
	 * as one under the response's identifier; a separate Binary has no identifier to
	 * create it conditionally on, so a retried delivery could leave duplicates or
	 * orphans.
	 */
	List<FhirOutboxMessage> toOutbox(SubmittedResponse submitted, String scoredJson, Patient patient,
			String questionnaireJson, Map<String, StoredAttachment> uploads) {
		return toOutbox(submitted, scoredJson, patient, FhirJson.read(Questionnaire.class, questionnaireJson), true,
				uploads);
	}

	/**
	 * As above, with the questionnaire as parsed once (read only) and its own message
	 * only when {@code withQuestionnaire}: it is written once per version, not with every
	 * response ({@link QuestionnaireWriteBack}).
	 */
	List<FhirOutboxMessage> toOutbox(SubmittedResponse submitted, String scoredJson, Patient patient,
			Questionnaire questionnaire, boolean withQuestionnaire, Map<String, StoredAttachment> uploads) {
		List<FhirOutboxMessage> messages = new ArrayList<>();
		// first, so QuestionnaireResponse.questionnaire resolves once the response
		// arrives
		if (withQuestionnaire) {
			messages.add(questionnaireMessage(questionnaire, patient));
		}
		// parsed once: the written-back copy (with any attachments embedded) and the
		// extraction below both start from it
		QuestionnaireResponse response = FhirJson.read(QuestionnaireResponse.class, scoredJson);
		messages.addAll(toOutbox(submitted, uploads.isEmpty() ? response.copy() : embedded(response, uploads), patient,
				questionnaire));
		Identifier source = new Identifier().setSystem(this.uris.identifierSystem("questionnaire-response"))
			.setValue(submitted.id().toString());
		java.util.Set<String> scored = new java.util.HashSet<>();
		submitted.scores()
			.stream()
			.filter((s) -> s.loinc() != null && s.value() != null)
			.forEach((s) -> scored.add(s.linkId()));
		for (Observation extracted : extract(questionnaire, response, submitted, source)) {
			messages.add(message(patient, "Observation", extracted.getIdentifierFirstRep(), FhirJson.write(extracted)));
		}
		// a score is written once, as its score Observation, even when its item is also
		// flagged for extraction
		messages.removeIf((m) -> m.resourceType().equals("Observation")
				&& m.identifierSystem().equals(this.uris.identifierSystem("extract")) && scored.stream()
					.anyMatch((linkId) -> m.identifierValue().startsWith(submitted.id() + "-" + linkId + "-")));
		return messages;
	}

	/**
	 * The questionnaire as the hospital's server should hold it, created there once: the
	 * Heima identifier is its {@code url|version}, so the conditional create matches on
	 * url and version.
	 */
	private FhirOutboxMessage questionnaireMessage(Questionnaire questionnaire, Patient patient) {
		Identifier identifier = new Identifier().setSystem(this.uris.identifierSystem("questionnaire"))
			.setValue(questionnaire.getUrl() + "|" + questionnaire.getVersion());
		String json = this.questionnaireJson.get(identifier.getValue(), (canonical) -> {
			Questionnaire copy = questionnaire.copy();
			copy.setId((String) null);
			copy.setMeta(null);
			copy.getIdentifier().removeIf((i) -> identifier.getSystem().equals(i.getSystem()));
			copy.addIdentifier(identifier);
			return FhirJson.write(copy);
		});
		return message(patient, "Questionnaire", identifier, json);
	}

	/**
	 * SDC observation-based extraction: an Observation per answer of every item flagged
	 * with {@code observationExtract} (on the item, or on the whole questionnaire for
	 * items with a code), coded with the item's code.
	 */
	List<Observation> extract(Questionnaire questionnaire, QuestionnaireResponse response, SubmittedResponse submitted,
			Identifier source) {
		boolean all = flagged(questionnaire.getExtensionByUrl(OBSERVATION_EXTRACT));
		java.util.Map<String, Questionnaire.QuestionnaireItemComponent> items = new java.util.HashMap<>();
		collect(questionnaire.getItem(), items);
		List<Observation> result = new ArrayList<>();
		walk(response.getItem(), (item, index, answer) -> {
			Questionnaire.QuestionnaireItemComponent definition = items.get(item.getLinkId());
			if (definition == null || !definition.hasCode()
					|| !(all || flagged(definition.getExtensionByUrl(OBSERVATION_EXTRACT)))) {
				return;
			}
			Type value = withUnit(observationValue(answer.getValue()), definition);
			if (value == null) {
				return;
			}
			Observation o = new Observation();
			o.addIdentifier()
				.setSystem(this.uris.identifierSystem("extract"))
				.setValue(submitted.id() + "-" + item.getLinkId() + "-" + index);
			o.setStatus(Observation.ObservationStatus.FINAL);
			CodeableConcept code = new CodeableConcept();
			definition.getCode().forEach((c) -> code.addCoding(c.copy()));
			o.setCode(code);
			o.setSubject(response.getSubject().copy());
			o.setEffective(new DateTimeType(Date.from(submitted.authored())));
			o.setValue(value);
			o.addDerivedFrom(new Reference().setIdentifier(source.copy()).setType("QuestionnaireResponse"));
			result.add(o);
		});
		return result;
	}

	/** Every attachment url the response's answers refer to. */
	static Set<String> attachmentUrls(QuestionnaireResponse response) {
		Set<String> urls = new LinkedHashSet<>();
		walk(response.getItem(), (item, index, answer) -> {
			if (answer.getValue() instanceof Attachment attachment && attachment.hasUrl()) {
				urls.add(attachment.getUrl());
			}
		});
		return urls;
	}

	private static QuestionnaireResponse embedded(QuestionnaireResponse scored, Map<String, StoredAttachment> uploads) {
		QuestionnaireResponse response = scored.copy();
		walk(response.getItem(), (item, index, answer) -> {
			if (answer.getValue() instanceof Attachment attachment && attachment.hasUrl()) {
				StoredAttachment stored = uploads
					.get(attachment.getUrl().replaceFirst("^.*(/api/me/attachments/)", "$1"));
				if (stored != null) {
					attachment.setData(stored.data());
					attachment.setContentType(stored.contentType());
					attachment.setSize((int) stored.size());
					attachment.setUrl(null);
				}
			}
		});
		return response;
	}

	private interface AnswerVisitor {

		void visit(QuestionnaireResponse.QuestionnaireResponseItemComponent item, int index,
				QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer);

	}

	private static void walk(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items,
			AnswerVisitor visitor) {
		for (var item : items) {
			for (int i = 0; i < item.getAnswer().size(); i++) {
				visitor.visit(item, i, item.getAnswer().get(i));
				walk(item.getAnswer().get(i).getItem(), visitor);
			}
			walk(item.getItem(), visitor);
		}
	}

	private static void collect(List<Questionnaire.QuestionnaireItemComponent> items,
			java.util.Map<String, Questionnaire.QuestionnaireItemComponent> into) {
		for (var item : items) {
			into.put(item.getLinkId(), item);
			collect(item.getItem(), into);
		}
	}

	private static boolean flagged(Extension extension) {
		return extension != null && extension.getValue() instanceof BooleanType b && b.booleanValue();
	}

	/**
	 * An answer as an Observation value (Observation has no decimal: a bare number is a
	 * Quantity).
	 */
	private static Type observationValue(Type answer) {
		if (answer instanceof Quantity || answer instanceof IntegerType || answer instanceof BooleanType
				|| answer instanceof StringType || answer instanceof DateTimeType || answer instanceof TimeType) {
			return answer.copy();
		}
		if (answer instanceof DecimalType decimal) {
			return new Quantity().setValue(decimal.getValue());
		}
		if (answer instanceof Coding coding) {
			Coding plain = coding.copy();
			plain.getExtension().clear();
			return new CodeableConcept(plain);
		}
		if (answer instanceof DateType date) {
			return new DateTimeType(date.getValueAsString());
		}
		return null;
	}

	List<FhirOutboxMessage> toOutbox(SubmittedResponse submitted, String scoredJson, Patient patient) {
		return toOutbox(submitted, scoredJson, patient, (Questionnaire) null);
	}

	private static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";

	/**
	 * A number with the item's {@code questionnaire-unit} becomes a Quantity in that unit
	 * (UCUM system and code), so the hospital's record knows what 72.5 means.
	 */
	private static Type withUnit(Type value, Questionnaire.QuestionnaireItemComponent definition) {
		Extension unit = (definition == null) ? null : definition.getExtensionByUrl(UNIT);
		if (value == null || unit == null || !(unit.getValue() instanceof Coding coding)) {
			return value;
		}
		java.math.BigDecimal number = (value instanceof IntegerType i) ? java.math.BigDecimal.valueOf(i.getValue())
				: (value instanceof Quantity q && !q.hasCode()) ? q.getValue() : null;
		if (number == null) {
			return value;
		}
		return new Quantity().setValue(number)
			.setUnit(coding.hasDisplay() ? coding.getDisplay() : coding.getCode())
			.setSystem(coding.getSystem())
			.setCode(coding.getCode());
	}

	private List<FhirOutboxMessage> toOutbox(SubmittedResponse submitted, String scoredJson, Patient patient,
			Questionnaire questionnaire) {
		return toOutbox(submitted, FhirJson.read(QuestionnaireResponse.class, scoredJson), patient, questionnaire);
	}

	/** {@code response} is changed (its identifier set): pass a copy. */
	private List<FhirOutboxMessage> toOutbox(SubmittedResponse submitted, QuestionnaireResponse response,
			Patient patient, Questionnaire questionnaire) {
		java.util.Map<String, Questionnaire.QuestionnaireItemComponent> items = new java.util.HashMap<>();
		if (questionnaire != null) {
			collect(questionnaire.getItem(), items);
		}
		List<FhirOutboxMessage> messages = new ArrayList<>();
		Identifier identifier = new Identifier().setSystem(this.uris.identifierSystem("questionnaire-response"))
			.setValue(submitted.id().toString());
		response.setIdentifier(identifier);
		response.setId((String) null);
		messages.add(message(patient, "QuestionnaireResponse", identifier, FhirJson.write(response)));
		for (Score score : submitted.scores()) {
			if (score.loinc() == null || score.value() == null) {
				continue;
			}
			Observation observation = new Observation();
			Identifier id = observation.addIdentifier()
				.setSystem(this.uris.identifierSystem("score"))
				.setValue(submitted.id() + "-" + score.linkId());
			observation.setStatus(Observation.ObservationStatus.FINAL);
			observation.addCategory(new CodeableConcept(
					new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
			observation.setCode(new CodeableConcept(new Coding("http://loinc.org", score.loinc(), null)));
			observation.setSubject(response.getSubject().copy());
			observation.setEffective(new DateTimeType(Date.from(submitted.authored())));
			java.math.BigDecimal value = score.value();
			Type plain = (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0)
					? new IntegerType(value.intValueExact()) : new Quantity().setValue(value);
			observation.setValue(withUnit(plain, items.get(score.linkId())));
			observation
				.addDerivedFrom(new Reference().setIdentifier(identifier.copy()).setType("QuestionnaireResponse"));
			messages.add(message(patient, "Observation", id, FhirJson.write(observation)));
		}
		return messages;
	}

	private static FhirOutboxMessage message(Patient patient, String type, Identifier id, String json) {
		return new FhirOutboxMessage(type, id.getSystem(), id.getValue(), json, patient.identifier().system(),
				patient.identifier().value(), patient.givenName(), patient.familyName(), patient.birthDate());
	}

}
