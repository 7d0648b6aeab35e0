package no.heima.questionnaire;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.StringType;

/**
 * Texts of a questionnaire in a language. The element's own value is in the
 * questionnaire's {@code language} (Norwegian Bokmål when it has none); other languages
 * come from the FHIR {@code translation} extension (sub-extensions {@code lang},
 * {@code content}) on {@code _text}, {@code _title}, {@code _display}. Languages match on
 * their primary subtag, so nb-NO finds nb; a missing translation falls back to the
 * element's own text.
 */
public final class Translations {

	/** Heima's forms are Norwegian first. */
	public static final String DEFAULT_LANGUAGE = "nb";

	private Translations() {
	}

	/** The questionnaire's title in {@code language}, falling back to its own title. */
	public static String title(Questionnaire questionnaire, String language) {
		return text(questionnaire.getTitleElement(), language(questionnaire), language);
	}

	/**
	 * An element's text in {@code language}, falling back to its own value (null when
	 * there is none).
	 */
	public static String text(StringType element, String ownLanguage, String language) {
		if (element == null) {
			return null;
		}
		String wanted = primarySubtag(language);
		if (wanted == null || wanted.equals(own(ownLanguage))) {
			return element.getValue();
		}
		String translated = all(element, ownLanguage).get(wanted);
		return translated != null ? translated : element.getValue();
	}

	/**
	 * Every language an element has, as primary subtag → text, its own language first.
	 */
	public static Map<String, String> all(StringType element, String ownLanguage) {
		Map<String, String> texts = new LinkedHashMap<>();
		if (element == null) {
			return texts;
		}
		if (element.getValue() != null) {
			texts.put(own(ownLanguage), element.getValue());
		}
		for (Extension translation : element.getExtensionsByUrl(FhirUrls.TRANSLATION)) {
			Extension lang = translation.getExtensionByUrl("lang");
			Extension content = translation.getExtensionByUrl("content");
			if (lang != null && content != null && lang.getValue() != null && content.getValue() != null) {
				texts.putIfAbsent(primarySubtag(lang.getValue().primitiveValue()), content.getValue().primitiveValue());
			}
		}
		return texts;
	}

	/** The questionnaire's own language, or {@link #DEFAULT_LANGUAGE}. */
	public static String language(Questionnaire questionnaire) {
		return questionnaire.hasLanguage() ? questionnaire.getLanguage() : DEFAULT_LANGUAGE;
	}

	private static String own(String ownLanguage) {
		return primarySubtag(ownLanguage == null ? DEFAULT_LANGUAGE : ownLanguage);
	}

	/** nb-NO → nb, EN → en; null stays null. */
	public static String primarySubtag(String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		int dash = tag.indexOf('-');
		return (dash < 0 ? tag : tag.substring(0, dash)).strip().toLowerCase(Locale.ROOT);
	}

}
