package no.heima.pathway;

/** A text in Norwegian bokmål and English. */
public record LocalizedText(String nb, String en) {

	public String in(String language) {
		return "en".equals(language) && this.en != null && !this.en.isBlank() ? this.en : this.nb;
	}

}
