package no.heima.attachment;

import java.util.Optional;
import no.heima.questionnaire.AttachmentFacts;
import org.hl7.fhir.r4.model.Attachment;

/** Facts of an attachment answer that carries its bytes inline ({@code data}). */
public final class InlineAttachments {

	private InlineAttachments() {
	}

	public static Optional<AttachmentFacts> facts(Attachment attachment) {
		if (attachment == null || !attachment.hasData()) {
			return Optional.empty();
		}
		byte[] bytes = attachment.getData();
		return Optional.of(new AttachmentFacts(MediaTypes.sniff(bytes), bytes.length));
	}

}
