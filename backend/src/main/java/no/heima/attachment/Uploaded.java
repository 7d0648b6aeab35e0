package no.heima.attachment;

/**
 * An accepted upload, as the patient app puts it in the answer's {@code valueAttachment}.
 *
 * @param url where the server keeps it; the answer refers to it by this
 * @param contentType the type found in the bytes
 * @param size bytes
 * @param title the file name the patient chose, if any
 */
public record Uploaded(String url, String contentType, long size, String title) {
}
