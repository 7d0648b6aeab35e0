package no.heima.message;

import io.swagger.v3.oas.annotations.media.Schema;
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
public record Message(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String team,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
				"PATIENT", "CLINICIAN" }) String authorKind,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String authorName,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String text,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Photo> photos,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant sentAt,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" },
				format = "date-time") Instant readAt,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = { "string", "null" }) String readByName){

	/** A photo of the message; {@code url} serves its bytes to whoever may read it. */
	public record Photo(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String contentType,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long size,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url) {
	}

}
