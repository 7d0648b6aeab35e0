package no.heima.response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.heima.attachment.AttachmentService;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/**
 * The files a stored response refers to, as the care team reaches them: through the
 * response ({@code /api/patients/{patient}/responses/{response}/attachments/{id}}), so
 * every read passes the team check and the audit of that response, never through the
 * patient's own upload url.
 */
final class ResponseAttachments {

	private ResponseAttachments() {
	}

	/** Each answered attachment question's files, by linkId, in answer order. */
	static Map<String, List<ResponseReading.AttachmentLink>> byLinkId(QuestionnaireResponse response, UUID patientId,
			UUID responseId) {
		Map<String, List<ResponseReading.AttachmentLink>> links = new LinkedHashMap<>();
		walk(response.getItem(),
				(linkId, attachment) -> AttachmentService.idOfUrl(attachment.getUrl())
					.ifPresent((id) -> links.computeIfAbsent(linkId, (k) -> new ArrayList<>())
						.add(new ResponseReading.AttachmentLink(
								"/api/patients/" + patientId + "/responses/" + responseId + "/attachments/" + id,
								attachment.getContentType(), attachment.hasSize() ? (long) attachment.getSize() : null,
								attachment.getTitle()))));
		return links;
	}

	/** Whether the response refers to the upload {@code attachmentId}. */
	static boolean refersTo(QuestionnaireResponse response, UUID attachmentId) {
		List<UUID> found = new ArrayList<>();
		walk(response.getItem(),
				(linkId, attachment) -> AttachmentService.idOfUrl(attachment.getUrl())
					.filter(attachmentId::equals)
					.ifPresent(found::add));
		return !found.isEmpty();
	}

	private interface Visitor {

		void attachment(String linkId, Attachment attachment);

	}

	private static void walk(List<QuestionnaireResponseItemComponent> items, Visitor visitor) {
		for (QuestionnaireResponseItemComponent item : items) {
			for (QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
				if (answer.getValue() instanceof Attachment attachment && attachment.hasUrl()) {
					visitor.attachment(item.getLinkId(), attachment);
				}
				walk(answer.getItem(), visitor);
			}
			walk(item.getItem(), visitor);
		}
	}

}
