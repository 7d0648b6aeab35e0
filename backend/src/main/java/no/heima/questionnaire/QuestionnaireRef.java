package no.heima.questionnaire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One stored questionnaire version, without its content.
 *
 * @param title the title in the questionnaire's own language
 * @param titles the title per language (primary subtag: nb, en), from the text and its
 * translation extensions
 * @param status the FHIR status as imported (active or draft)
 * @param retired retired in Heima: still readable (enrolled patients use it) but not to
 * be chosen for new pathways
 */
public record QuestionnaireRef(UUID id, String url, String version, String title, Map<String, String> titles,
		String status, boolean retired, Instant importedAt, String importedBy, String importedByName) {

	public QuestionnaireRef {
		titles = titles == null ? Map.of() : Map.copyOf(titles);
	}

	/** The canonical reference {@code url|version} responses and pathways point at. */
	@JsonProperty("canonical")
	public String canonical() {
		return url + "|" + version;
	}

	/**
	 * The title in {@code language} (a BCP 47 tag; nb-NO finds nb), else the primary
	 * title.
	 */
	public String title(String language) {
		if (language != null) {
			String found = titles.get(Translations.primarySubtag(language));
			if (found != null) {
				return found;
			}
		}
		return title;
	}

}
