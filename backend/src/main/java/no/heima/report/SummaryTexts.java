package no.heima.report;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.web.util.HtmlUtils;

/**
 * The summary's words, dates and numbers in one language (nb or en), escaped for XHTML.
 * Times are shown in Norway's zone, where the care team reads them.
 */
final class SummaryTexts {

	static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

	private final ResourceBundle bundle;

	private final Locale locale;

	private final DateTimeFormatter day;

	private final DateTimeFormatter time;

	SummaryTexts(String language) {
		this.locale = "en".equals(language) ? Locale.UK : Locale.forLanguageTag("nb-NO");
		this.bundle = ResourceBundle.getBundle("report/summary", this.locale);
		this.day = DateTimeFormatter.ofPattern("en".equals(language) ? "d MMM yyyy" : "d. MMM yyyy", this.locale);
		this.time = DateTimeFormatter.ofPattern("en".equals(language) ? "d MMM yyyy HH:mm" : "d. MMM yyyy 'kl.' HH:mm",
				this.locale);
	}

	/** A text of the bundle (escaped), with its arguments (given already escaped). */
	String t(String key, Object... args) {
		String text = this.bundle.containsKey(key) ? this.bundle.getString(key) : key;
		return (args.length == 0) ? esc(text) : MessageFormat.format(esc(text).replace("'", "''"), args);
	}

	/** An optional text of the bundle: the key's last part when the bundle has none. */
	String known(String prefix, String value) {
		if (value == null) {
			return "";
		}
		return this.bundle.containsKey(prefix + value) ? esc(this.bundle.getString(prefix + value)) : esc(value);
	}

	String day(LocalDate date) {
		return (date != null) ? esc(this.day.format(date)) : "";
	}

	String day(Instant at) {
		return (at != null) ? esc(this.day.format(at.atZone(ZONE))) : "";
	}

	String time(Instant at) {
		return (at != null) ? esc(this.time.format(at.atZone(ZONE))) : "";
	}

	String number(BigDecimal value) {
		if (value == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(this.locale);
		format.setMaximumFractionDigits(2);
		format.setGroupingUsed(false);
		return esc(format.format(value));
	}

	/** UCUM as people write it: mmHg, °C, /min, %, kg, mmol/L. */
	static String unit(String ucum) {
		if (ucum == null) {
			return "";
		}
		return switch (ucum) {
			case "mm[Hg]" -> "mmHg";
			case "Cel" -> "°C";
			default -> ucum;
		};
	}

	static String esc(String text) {
		return (text != null) ? HtmlUtils.htmlEscape(text, "UTF-8") : "";
	}

}
