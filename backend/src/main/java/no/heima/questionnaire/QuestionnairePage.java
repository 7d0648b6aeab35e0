package no.heima.questionnaire;

import java.util.List;

/**
 * One page of the library: {@code size} urls (not versions) sorted by title;
 * {@code total} counts urls.
 */
public record QuestionnairePage(List<QuestionnaireSummary> items, int page, int size, long total) {

	public QuestionnairePage {
		items = List.copyOf(items);
	}

}
