package no.heima.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as both sides see it.
 *
 * @param authorKind PATIENT or CLINICIAN
 * @param text plain text; screens show it as text, never as markup
 * @param readAt when the other side first read it; null while unread
 * @param readByName who read it (the nurse's name, or the patient's)
 */
public record Message(UUID id, String team, String authorKind, String authorName, String text, List<Photo> photos,
		Instant sentAt, Instant readAt, String readByName) {

	/** A photo of the message; {@code url} serves its bytes to whoever may read it. */
	public record Photo(UUID id, String contentType, long size, String url) {
	}

}
