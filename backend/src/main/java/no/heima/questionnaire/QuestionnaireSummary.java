package no.heima.questionnaire;

import java.util.List;

/**
 * One questionnaire (one canonical url) with all its versions, newest import first.
 */
public record QuestionnaireSummary(String url, QuestionnaireRef latest, List<QuestionnaireRef> versions) {

	public QuestionnaireSummary {
		versions = List.copyOf(versions);
	}

}
