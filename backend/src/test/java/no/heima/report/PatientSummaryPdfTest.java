package no.heima.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import no.heima.pathway.Threshold;
import no.heima.report.PatientSummary.AlertRow;
import no.heima.report.PatientSummary.Point;
import no.heima.report.PatientSummary.Series;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A summary of a generated patient (90 days of weight and blood pressure with bands, a
 * pause, scores, alerts, and a name a hostile admin could have typed) rendered to PDF,
 * read back with PDFBox: the figures in the text are the generated ones, in the
 * language's number format; the document is tagged, has its language and title; page 1 is
 * written as a PNG under target/reports/ for people to look at.
 */
class PatientSummaryPdfTest {

	private static final Instant END = Instant.parse("2026-11-30T20:00:00Z");

	@ParameterizedTest
	@ValueSource(strings = { "nb", "en" })
	void theFiguresOfAGeneratedPatientAreInTheDocument(String language) throws IOException {
		PatientSummary summary = generated(language, new Random(42));
		byte[] pdf = new PdfRenderer(new SummaryHtml()).render(summary);

		try (PDDocument doc = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			String text = stripper.getText(doc).replace('\u00a0', ' ');
			SummaryTexts t = new SummaryTexts(language);

			assertThat(text)
				.contains("en".equals(language) ? "Home follow-up summary" : "Oppsummering av hjemmeoppfølging");
			// the hostile name is shown as text, not taken as markup
			assertThat(text).contains("Kari <script>alert(1)</script> & Nordvik");
			assertThat(text).contains("13920099971");
			for (Series s : summary.series()) {
				List<Point> points = s.points();
				String lowest = t.number(points.stream().map(Point::value).min(Comparator.naturalOrder()).get());
				String highest = t.number(points.stream().map(Point::value).max(Comparator.naturalOrder()).get());
				String latest = t.number(points.get(points.size() - 1).value());
				assertThat(text).as(s.code())
					.contains(points.size() + " " + lowest + " " + highest + " " + latest)
					.contains(s.count("GREEN") + " / " + s.count("YELLOW") + " / " + s.count("RED"));
			}
			for (AlertRow a : summary.alerts()) {
				assertThat(text).contains(a.summary());
			}
			assertThat(text).contains("Sykehusinnleggelse");
			assertThat(text).contains("en".equals(language) ? "5 from the patient, 3 from the care team"
					: "5 fra pasienten, 3 fra behandlingsteamet");
			// the score of the last response
			assertThat(text)
				.contains("hf-total: " + t.number(summary.scores().get(summary.scores().size() - 1).value()));

			// tagged for assistive technology, with language and title
			assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo(language);
			assertThat(doc.getDocumentInformation().getTitle()).contains("Kari");

			Files.createDirectories(Path.of("target", "reports"));
			Files.write(Path.of("target", "reports", "summary-" + language + ".pdf"), pdf);
			BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 100);
			Path out = Path.of("target", "reports", "summary-page1-" + language + ".png");
			Files.createDirectories(out.getParent());
			ImageIO.write(page, "png", out.toFile());
			assertThat(page.getWidth()).isGreaterThan(700);
		}
	}

	static PatientSummary generated(String language, Random random) {
		Instant from = END.minus(Duration.ofDays(90));
		Threshold weightBand = new Threshold("29463-7", new BigDecimal("60"), new BigDecimal("65"),
				new BigDecimal("82"), new BigDecimal("86"));
		Threshold systolicBand = new Threshold("8480-6", new BigDecimal("90"), new BigDecimal("100"),
				new BigDecimal("150"), new BigDecimal("180"));
		List<Point> weight = new ArrayList<>();
		List<Point> systolic = new ArrayList<>();
		double w = 78;
		for (int day = 0; day < 90; day++) {
			Instant at = from.plus(Duration.ofDays(day)).plus(Duration.ofHours(7));
			w += random.nextGaussian() * 0.6;
			BigDecimal kg = BigDecimal.valueOf(w).setScale(1, RoundingMode.HALF_UP);
			weight.add(new Point(at, kg, level(kg, weightBand)));
			BigDecimal sys = BigDecimal.valueOf(125 + random.nextInt(70));
			systolic.add(new Point(at.plus(Duration.ofMinutes(5)), sys, level(sys, systolicBand)));
		}
		List<PatientSummary.ScoreRow> scores = new ArrayList<>();
		for (int week = 0; week < 12; week++) {
			scores.add(new PatientSummary.ScoreRow("Hjertesvikt – symptomer", "hf-total",
					from.plus(Duration.ofDays(week * 7L + 2)), BigDecimal.valueOf(random.nextInt(12)), null, "GREEN"));
		}
		List<AlertRow> alerts = List.of(
				new AlertRow("MEASUREMENT", "RED", "Vekt +2,4 kg på 3 dager", from.plus(Duration.ofDays(20)),
						"RESOLVED", from.plus(Duration.ofDays(20).plusHours(2)), "Nina Berg", "Ringte pasienten",
						"Økt vanndrivende etter avtale med lege"),
				new AlertRow("MISSING", "YELLOW", "Blodtrykk ikke målt", from.plus(Duration.ofDays(41)), "OPEN", null,
						null, null, null));
		return new PatientSummary(
				new PatientSummary.Person(
						"Kari <script>alert(1)</script> & Nordvik", "13920099971", LocalDate.of(1940, 12, 13)),
				from, END, language,
				List.of(new PatientSummary.Plan("Hjertesvikt", 3, "ACTIVE", LocalDate.of(2026, 8, 1), null, null,
						List.of(new PatientSummary.PausePeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 8),
								"Sykehusinnleggelse")))),
				List.of(new Series("BODY_WEIGHT", "29463-7", "kg", weightBand, weight),
						new Series("BLOOD_PRESSURE", "8480-6", "mm[Hg]", systolicBand, systolic)),
				scores, alerts, new PatientSummary.MessageCount(5, 3), END, "Nina Berg");
	}

	private static String level(BigDecimal v, Threshold b) {
		if (v.compareTo(b.redLow()) <= 0 || v.compareTo(b.redHigh()) >= 0) {
			return "RED";
		}
		if (v.compareTo(b.yellowLow()) <= 0 || v.compareTo(b.yellowHigh()) >= 0) {
			return "YELLOW";
		}
		return "GREEN";
	}

}
