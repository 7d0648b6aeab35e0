package no.heima.report;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import no.heima.pathway.Threshold;
import no.heima.report.PatientSummary.AlertRow;
import no.heima.report.PatientSummary.Plan;
import no.heima.report.PatientSummary.Point;
import no.heima.report.PatientSummary.ScoreRow;
import no.heima.report.PatientSummary.Series;
import org.springframework.stereotype.Component;

/**
 * The summary as XHTML for the PDF renderer: headings and tables with header cells, so
 * the tagged PDF reads in order with a screen reader; every figure of a chart is also in
 * text beside it. All data is escaped ({@link SummaryTexts}).
 */
@Component
class SummaryHtml {

	private static final String STYLE = """
			@page { size: A4; margin: 16mm 14mm 18mm 14mm;
			  @bottom-right { content: counter(page) " / " counter(pages); font-family: 'DejaVu Sans'; font-size: 8pt; } }
			body { font-family: 'DejaVu Sans'; font-size: 9pt; color: #1a1a1a; }
			h1 { font-size: 15pt; margin: 0 0 4pt 0; }
			h2 { font-size: 11pt; margin: 12pt 0 4pt 0; border-bottom: 0.5pt solid #888; }
			h3 { font-size: 9.5pt; margin: 8pt 0 2pt 0; }
			table { border-collapse: collapse; width: 100%; margin-bottom: 4pt; }
			th, td { text-align: left; vertical-align: top; padding: 1.5pt 4pt 1.5pt 0; border-bottom: 0.3pt solid #ccc; }
			th { font-weight: bold; }
			p.meta { margin: 0; }
			p.footer { margin-top: 12pt; font-size: 7.5pt; color: #444; }
			div.series { page-break-inside: avoid; }
			table.log td:first-child { white-space: nowrap; }
			""";

	String render(PatientSummary s) {
		SummaryTexts t = new SummaryTexts(s.language());
		StringBuilder h = new StringBuilder(16_384);
		h.append("<!DOCTYPE html><html lang=\"").append(s.language()).append("\"><head><meta charset=\"UTF-8\"/>");
		h.append("<title>").append(t.t("title")).append(" – ").append(SummaryTexts.esc(s.person().name()));
		h.append("</title><meta name=\"subject\" content=\"").append(t.t("title")).append("\"/>");
		h.append("<meta name=\"author\" content=\"Heima\"/><style>").append(STYLE).append("</style></head><body>");
		h.append("<h1>").append(t.t("title")).append("</h1>");
		h.append("<p class=\"meta\">")
			.append(t.t("patient"))
			.append(": <b>")
			.append(SummaryTexts.esc(s.person().name()));
		h.append("</b>, ").append(t.t("identifier")).append(' ').append(SummaryTexts.esc(s.person().identifier()));
		h.append(", ").append(t.t("born")).append(' ').append(t.day(s.person().birthDate())).append("</p>");
		h.append("<p class=\"meta\">").append(t.t("period")).append(": ").append(t.time(s.from())).append(" – ");
		h.append(t.time(s.to())).append("</p><p class=\"meta\">");
		h.append(t.t("made", t.time(s.madeAt()), SummaryTexts.esc(s.madeBy()))).append("</p>");
		plans(h, s.plans(), t);
		values(h, s.series(), t);
		scores(h, s.scores(), t);
		alerts(h, s.alerts(), t);
		h.append("<h2>").append(t.t("messages")).append("</h2><p>");
		h.append(t.t("messages-text", String.valueOf(s.messages().fromPatient()),
				String.valueOf(s.messages().fromTeam())))
			.append("</p>");
		h.append("<p class=\"footer\">").append(t.t("footer")).append("</p></body></html>");
		return h.toString();
	}

	private static void plans(StringBuilder h, List<Plan> plans, SummaryTexts t) {
		h.append("<h2>").append(t.t("plans")).append("</h2>");
		if (plans.isEmpty()) {
			h.append("<p>").append(t.t("none")).append("</p>");
			return;
		}
		header(h, t, "pathway", "status", "started", "ended", "paused");
		for (Plan p : plans) {
			StringBuilder pauses = new StringBuilder();
			p.pauses()
				.forEach((pause) -> pauses.append(t.day(pause.from()))
					.append(" – ")
					.append(t.day(pause.until()))
					.append(" (")
					.append(SummaryTexts.esc(pause.reason()))
					.append(")<br/>"));
			row(h, SummaryTexts.esc(p.pathway()) + " (" + t.t("version") + " " + p.version() + ")",
					t.known("status.", p.status()), t.day(p.start()),
					t.day(p.end()) + ((p.endReason() != null) ? " (" + SummaryTexts.esc(p.endReason()) + ")" : ""),
					pauses.isEmpty() ? t.t("no-pauses") : pauses.toString());
		}
		h.append("</tbody></table>");
	}

	private static void values(StringBuilder h, List<Series> all, SummaryTexts t) {
		h.append("<h2>").append(t.t("values")).append("</h2>");
		if (all.isEmpty()) {
			h.append("<p>").append(t.t("none")).append("</p>");
			return;
		}
		for (Series s : all) {
			// blood pressure is the one vital of several values: say which
			String name = t.known("vital.", s.vital())
					+ ("BLOOD_PRESSURE".equals(s.vital()) ? ", " + t.known("code.", s.code()) : "");
			String unit = SummaryTexts.esc(SummaryTexts.unit(s.unit()));
			List<Point> points = s.points();
			BigDecimal lowest = points.stream().map(Point::value).min(Comparator.naturalOrder()).orElse(null);
			BigDecimal highest = points.stream().map(Point::value).max(Comparator.naturalOrder()).orElse(null);
			Point latest = points.get(points.size() - 1);
			h.append("<div class=\"series\"><h3>").append(name).append(" (").append(unit).append(")</h3>");
			h.append("<div role=\"img\" aria-label=\"").append(t.t("chart", name)).append("\">");
			h.append(SummaryChart.svg(s, t)).append("</div>");
			header(h, t, "value-count", "lowest", "highest", "latest", "levels", "band");
			row(h, String.valueOf(points.size()), t.number(lowest), t.number(highest),
					t.number(latest.value()) + " (" + t.day(latest.at()) + ")",
					s.count("GREEN") + " / " + s.count("YELLOW") + " / " + s.count("RED"), band(s.band(), t));
			h.append("</tbody></table></div>");
		}
	}

	private static String band(Threshold b, SummaryTexts t) {
		if (b == null) {
			return t.t("no-band");
		}
		return t.t("band-text", or(t, b.yellowLow()), or(t, b.yellowHigh()), or(t, b.redLow()), or(t, b.redHigh()));
	}

	private static String or(SummaryTexts t, BigDecimal bound) {
		return (bound != null) ? t.number(bound) : "–";
	}

	private static void scores(StringBuilder h, List<ScoreRow> scores, SummaryTexts t) {
		h.append("<h2>").append(t.t("scores")).append("</h2>");
		if (scores.isEmpty()) {
			h.append("<p>").append(t.t("none")).append("</p>");
			return;
		}
		header(h, "log", t, "answered:20%", "questionnaire:40%", "score:28%", "level:12%");
		for (ScoreRow s : scores) {
			String value = (s.value() != null) ? t.number(s.value()) : SummaryTexts.esc(s.valueText());
			row(h, t.time(s.authored()), SummaryTexts.esc(s.questionnaire()),
					SummaryTexts.esc(s.linkId()) + ": " + value, t.known("level.", s.level()));
		}
		h.append("</tbody></table>");
	}

	private static void alerts(StringBuilder h, List<AlertRow> alerts, SummaryTexts t) {
		h.append("<h2>").append(t.t("alerts")).append("</h2>");
		if (alerts.isEmpty()) {
			h.append("<p>").append(t.t("none")).append("</p>");
			return;
		}
		header(h, "log", t, "raised:17%", "level:8%", "kind:12%", "summary:33%", "resolved:30%");
		for (AlertRow a : alerts) {
			String resolved = (a.resolvedAt() == null) ? t.known("status.", a.status())
					: t.time(a.resolvedAt()) + " " + t.t("resolved-by") + " " + SummaryTexts.esc(a.resolvedBy())
							+ ((a.action() != null) ? "<br/>" + t.t("action") + ": " + SummaryTexts.esc(a.action())
									: "")
							+ ((a.note() != null) ? "<br/>" + t.t("note") + ": " + SummaryTexts.esc(a.note()) : "");
			row(h, t.time(a.raisedAt()), t.known("level.", a.level()), t.known("kind.", a.kind()),
					SummaryTexts.esc(a.summary()), resolved);
		}
		h.append("</tbody></table>");
	}

	private static void header(StringBuilder h, SummaryTexts t, String... keys) {
		header(h, "facts", t, keys);
	}

	private static void header(StringBuilder h, String style, SummaryTexts t, String... keys) {
		h.append("<table class=\"").append(style).append("\"><thead><tr>");
		for (String key : keys) {
			// "key:width" fixes a column's share, so short cells do not squeeze the text
			// ones
			String[] kw = key.split(":");
			h.append("<th scope=\"col\"").append((kw.length > 1) ? " style=\"width: " + kw[1] + "\"" : "");
			h.append('>').append(t.t(kw[0])).append("</th>");
		}
		h.append("</tr></thead><tbody>");
	}

	private static void row(StringBuilder h, String... escapedCells) {
		h.append("<tr>");
		for (String cell : escapedCells) {
			h.append("<td>").append(cell).append("</td>");
		}
		h.append("</tr>");
	}

}
