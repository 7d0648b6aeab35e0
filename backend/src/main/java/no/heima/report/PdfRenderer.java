package no.heima.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * HTML to PDF with openhtmltopdf on PDFBox: tagged for accessibility (PDF/UA: structure
 * tree, document language and title, embedded fonts), charts drawn from inline SVG by
 * Batik with scripts and external resources off. Blocking: callers run it on a worker.
 */
@Component
class PdfRenderer {

	private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

	private final SummaryHtml html;

	PdfRenderer(SummaryHtml html) {
		this.html = html;
	}

	byte[] render(PatientSummary summary) {
		return pdf(this.html.render(summary));
	}

	static byte[] pdf(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.usePdfUaAccessibility(true);
		builder.withProducer("Heima");
		builder.useSVGDrawer(
				new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
		builder.useFont(() -> PdfRenderer.class.getResourceAsStream(FONTS + "DejaVuSans.ttf"), "DejaVu Sans", 400,
				FontStyle.NORMAL, true);
		builder.useFont(() -> PdfRenderer.class.getResourceAsStream(FONTS + "DejaVuSans-Bold.ttf"), "DejaVu Sans", 700,
				FontStyle.NORMAL, true);
		builder.withHtmlContent(xhtml, null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
