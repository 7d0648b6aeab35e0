package no.heima.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.heima.pathway.Threshold;
import no.heima.report.PatientSummary.Point;
import no.heima.report.PatientSummary.Series;

/**
 * One series as an SVG line chart: the red and yellow bands behind it (from the bounds
 * that applied), each value a dot coloured by its triage level, the lowest and highest
 * value of the axis written at its side, the first and last day below.
 */
final class SummaryChart {

	static final int WIDTH = 480;

	static final int HEIGHT = 120;

	private static final int LEFT = 44;

	private static final int BOTTOM = 16;

	private static final String RED = "#f6c7c3";

	private static final String YELLOW = "#fbe8a6";

	private static final String GREEN = "#dcefdc";

	private SummaryChart() {
	}

	static String svg(Series series, SummaryTexts texts) {
		List<Point> points = series.points();
		double lo = points.stream().mapToDouble((p) -> p.value().doubleValue()).min().orElse(0);
		double hi = points.stream().mapToDouble((p) -> p.value().doubleValue()).max().orElse(1);
		Threshold band = series.band();
		for (BigDecimal bound : bounds(band)) {
			lo = Math.min(lo, bound.doubleValue());
			hi = Math.max(hi, bound.doubleValue());
		}
		double pad = Math.max((hi - lo) * 0.08, 0.5);
		double min = lo - pad;
		double max = hi + pad;
		Scale y = new Scale(min, max);
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
			.append(WIDTH)
			.append("\" height=\"")
			.append(HEIGHT)
			.append("\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT)
			.append("\">");
		rect(svg, min, max, y, GREEN);
		if (band != null) {
			rect(svg, min, value(band.redLow()), y, RED);
			rect(svg, value(band.redLow()), value(band.yellowLow()), y, YELLOW);
			rect(svg, value(band.yellowHigh()), value(band.redHigh()), y, YELLOW);
			rect(svg, value(band.redHigh()), max, y, RED);
		}
		long first = points.get(0).at().toEpochMilli();
		long last = points.get(points.size() - 1).at().toEpochMilli();
		List<String> xy = new ArrayList<>();
		for (Point p : points) {
			double fx = (last == first) ? 0.5 : (p.at().toEpochMilli() - first) / (double) (last - first);
			xy.add(fmt(LEFT + 4 + fx * (WIDTH - LEFT - 8)) + "," + fmt(y.at(p.value().doubleValue())));
		}
		if (xy.size() > 1) {
			svg.append("<polyline fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"1.2\" points=\"")
				.append(String.join(" ", xy))
				.append("\"/>");
		}
		for (int i = 0; i < points.size(); i++) {
			String[] c = xy.get(i).split(",");
			svg.append("<circle r=\"2.4\" cx=\"")
				.append(c[0])
				.append("\" cy=\"")
				.append(c[1])
				.append("\" fill=\"")
				.append(dot(points.get(i).level()))
				.append("\"/>");
		}
		text(svg, 2, 10, texts.number(BigDecimal.valueOf(max).setScale(1, java.math.RoundingMode.HALF_UP)));
		text(svg, 2, HEIGHT - BOTTOM,
				texts.number(BigDecimal.valueOf(min).setScale(1, java.math.RoundingMode.HALF_UP)));
		text(svg, LEFT, HEIGHT - 3, texts.day(points.get(0).at()));
		text(svg, WIDTH - 90, HEIGHT - 3, texts.day(points.get(points.size() - 1).at()));
		return svg.append("</svg>").toString();
	}

	private static List<BigDecimal> bounds(Threshold band) {
		List<BigDecimal> bounds = new ArrayList<>();
		if (band != null) {
			for (BigDecimal b : new BigDecimal[] { band.redLow(), band.yellowLow(), band.yellowHigh(),
					band.redHigh() }) {
				if (b != null) {
					bounds.add(b);
				}
			}
		}
		return bounds;
	}

	/** A band between two bounds; an absent bound leaves that band out. */
	private static Double value(BigDecimal bound) {
		return (bound != null) ? bound.doubleValue() : null;
	}

	private static void rect(StringBuilder svg, Double from, Double to, Scale y, String colour) {
		if (from == null || to == null) {
			return;
		}
		double top = y.at(Math.max(from, to));
		double bottom = y.at(Math.min(from, to));
		svg.append("<rect x=\"")
			.append(LEFT)
			.append("\" y=\"")
			.append(fmt(top))
			.append("\" width=\"")
			.append(WIDTH - LEFT)
			.append("\" height=\"")
			.append(fmt(Math.max(0, bottom - top)))
			.append("\" fill=\"")
			.append(colour)
			.append("\"/>");
	}

	private static void text(StringBuilder svg, int x, int y, String escaped) {
		svg.append("<text x=\"")
			.append(x)
			.append("\" y=\"")
			.append(y)
			.append("\" font-family=\"DejaVu Sans\" font-size=\"8\" fill=\"#333\">")
			.append(escaped)
			.append("</text>");
	}

	private static String dot(String level) {
		return switch (level) {
			case "RED" -> "#b3261e";
			case "YELLOW" -> "#8a6d00";
			default -> "#2e7d32";
		};
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

	/** Value to y within the plot area (top 4 px, bottom above the day labels). */
	private record Scale(double min, double max) {

		double at(double value) {
			double clamped = Math.max(this.min, Math.min(this.max, value));
			return 4 + (this.max - clamped) / (this.max - this.min) * (HEIGHT - BOTTOM - 8);
		}

	}

}
