package no.heima.questionnaire;

import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;

/**
 * What the server itself knows of an attachment answer: its type as read from the bytes
 * and its size. The declared {@code contentType} and {@code size} of an answer are never
 * trusted when there are bytes to look at.
 *
 * @param contentType the media type found in the bytes, null when not recognised
 * @param size the size in bytes
 */
public record AttachmentFacts(String contentType, long size) {

	/**
	 * Looks up an attachment answer: by its {@code url} (an upload) or its inline
	 * {@code data}; empty when it refers to nothing the server holds.
	 */
	@FunctionalInterface
	public interface Resolver {

		Optional<AttachmentFacts> resolve(Attachment attachment);

		/** For callers that hold no uploads: only inline data is looked at. */
		Resolver NONE = (attachment) -> Optional.empty();

	}

}
