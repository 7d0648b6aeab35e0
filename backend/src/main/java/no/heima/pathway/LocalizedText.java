package no.heima.pathway;

/** A text in Norwegian bokmål and English. */
public record LocalizedText(String nb, String en) {

	/**
	 * The text in {@code language} ("en", else Norwegian), else in the other language;
	 * null when both are blank.
	 */
	public String in(String language) {
		String wanted = "en".equals(language) ? this.en : this.nb;
		String other = "en".equals(language) ? this.nb : this.en;
		if (wanted != null && !wanted.isBlank()) {
			return wanted;
		}
		return (other != null && !other.isBlank()) ? other : wanted;
	}

	/**
	 * {@code text} in {@code language} with fallback, else {@code plain} (a text stored
	 * in one language only, as definitions before both languages were).
	 */
	public static String in(LocalizedText text, String plain, String language) {
		String found = (text != null) ? text.in(language) : null;
		return (found != null && !found.isBlank()) ? found : plain;
	}

}
