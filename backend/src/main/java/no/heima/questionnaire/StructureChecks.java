package no.heima.questionnaire;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.heima.problem.FieldProblem;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;

/**
 * Heima's own rules on top of the FHIR validator, which does not need a url or version,
 * does not notice a choice item without options, and does not read SDC expressions. Every
 * problem is collected, with the FHIR path of the element at fault.
 */
final class StructureChecks {

	private final FHIRPathEngine fhirPath;

	private final List<FieldProblem> problems = new ArrayList<>();

	private final Set<String> linkIds = new HashSet<>();

	private Questionnaire questionnaire;

	private StructureChecks(FHIRPathEngine fhirPath) {
		this.fhirPath = fhirPath;
	}

	static List<FieldProblem> check(Questionnaire questionnaire, FHIRPathEngine fhirPath) {
		StructureChecks checks = new StructureChecks(fhirPath);
		checks.resource(questionnaire);
		return List.copyOf(checks.problems);
	}

	private void resource(Questionnaire questionnaire) {
		this.questionnaire = questionnaire;
		if (!questionnaire.hasUrl()) {
			add("Questionnaire.url", "required", "A canonical url is required (it names the questionnaire)");
		}
		else if (!isAbsoluteUri(questionnaire.getUrl()) || questionnaire.getUrl().contains("|")) {
			add("Questionnaire.url", "format", "The url must be an absolute URI without '|'");
		}
		if (!questionnaire.hasVersion() || questionnaire.getVersion().isBlank()) {
			add("Questionnaire.version", "required", "A version is required (url|version identifies it)");
		}
		else if (questionnaire.getVersion().contains("|")) {
			add("Questionnaire.version", "format", "The version must not contain '|'");
		}
		if (!questionnaire.hasStatus()) {
			add("Questionnaire.status", "required", "Status is required: active or draft");
		}
		else if (questionnaire.getStatus() != PublicationStatus.ACTIVE
				&& questionnaire.getStatus() != PublicationStatus.DRAFT) {
			add("Questionnaire.status", "invalid-status",
					"Only active or draft questionnaires can be imported, not " + questionnaire.getStatus().toCode());
		}
		Set<String> all = new HashSet<>();
		collectLinkIds(questionnaire.getItem(), all);
		expressions(questionnaire.getExtension(), "Questionnaire");
		items(questionnaire.getItem(), "Questionnaire", all);
	}

	private void items(List<QuestionnaireItemComponent> items, String parentPath, Set<String> all) {
		for (int i = 0; i < items.size(); i++) {
			QuestionnaireItemComponent item = items.get(i);
			String path = parentPath + ".item[" + i + "]";
			String linkId = item.getLinkId();
			if (linkId == null || linkId.isBlank()) {
				add(path + ".linkId", "required", "Every item needs a linkId");
			}
			else if (!linkIds.add(linkId)) {
				add(path + ".linkId", "duplicate-linkid", "linkId '" + linkId + "' is used by more than one item");
			}
			if ((item.getType() == QuestionnaireItemType.CHOICE || item.getType() == QuestionnaireItemType.OPENCHOICE)
					&& !item.hasAnswerOption() && !item.hasAnswerValueSet()) {
				add(path, "missing-options", "Item '" + linkId + "' (" + item.getType().toCode()
						+ ") has neither answerOption nor answerValueSet");
			}
			if (item.hasAnswerValueSet() && ValueSets.expand(this.questionnaire, item.getAnswerValueSet()).isEmpty()) {
				// See ValueSets: accepting any Coding would let forbidden codes into the
				// record, and refusing every answer would only show once a patient is
				// stuck.
				add(path + ".answerValueSet", "unexpandable-value-set", "Item '" + linkId + "' is bound to "
						+ item.getAnswerValueSet()
						+ ", which Heima cannot expand: contain the ValueSet in the questionnaire with its concepts listed in compose.include");
			}
			List<QuestionnaireItemEnableWhenComponent> enableWhen = item.getEnableWhen();
			for (int k = 0; k < enableWhen.size(); k++) {
				String question = enableWhen.get(k).getQuestion();
				if (question == null || !all.contains(question)) {
					add(path + ".enableWhen[" + k + "].question", "unknown-question", "Item '" + linkId
							+ "' is enabled by '" + question + "', which is no item of this questionnaire");
				}
			}
			expressions(item.getExtension(), path);
			items(item.getItem(), path, all);
		}
	}

	/** SDC expressions on an element must be FHIRPath that parses. */
	private void expressions(List<Extension> extensions, String path) {
		for (int i = 0; i < extensions.size(); i++) {
			Extension extension = extensions.get(i);
			String url = extension.getUrl();
			boolean variable = FhirUrls.VARIABLE.equals(url);
			if (!variable && !FhirUrls.CALCULATED_EXPRESSION.equals(url)
					&& !FhirUrls.ENABLE_WHEN_EXPRESSION.equals(url)) {
				continue;
			}
			String at = path + ".extension[" + i + "]";
			if (!(extension.getValue() instanceof Expression expression)) {
				add(at, "invalid-expression", "Expected a valueExpression");
				continue;
			}
			if (!FhirUrls.FHIRPATH.equals(expression.getLanguage())) {
				add(at + ".value.language", "unsupported-language",
						"Only text/fhirpath expressions can be computed, not " + expression.getLanguage());
				continue;
			}
			if (variable && !expression.hasName()) {
				add(at + ".value.name", "required", "A variable needs a name");
			}
			if (!expression.hasExpression()) {
				add(at + ".value.expression", "required", "The expression is empty");
				continue;
			}
			try {
				fhirPath.parse(expression.getExpression());
			}
			catch (RuntimeException e) {
				add(at + ".value.expression", "invalid-fhirpath", "Not valid FHIRPath: " + e.getMessage());
			}
		}
	}

	private static void collectLinkIds(List<QuestionnaireItemComponent> items, Set<String> all) {
		for (QuestionnaireItemComponent item : items) {
			if (item.getLinkId() != null) {
				all.add(item.getLinkId());
			}
			collectLinkIds(item.getItem(), all);
		}
	}

	private static boolean isAbsoluteUri(String value) {
		try {
			return URI.create(value).isAbsolute();
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private void add(String field, String code, String message) {
		problems.add(new FieldProblem(field, code, message));
	}

}
