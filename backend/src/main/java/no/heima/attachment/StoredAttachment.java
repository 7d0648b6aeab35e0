package no.heima.attachment;

import java.util.UUID;

/** An attachment as kept, bytes included. */
public record StoredAttachment(UUID id, UUID patientId, String contentType, long size, String title, byte[] data) {

	/** The url an answer refers to it by. */
	public String url() {
		return AttachmentService.URL_PREFIX + this.id;
	}

}
