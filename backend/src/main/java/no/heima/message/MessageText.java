package no.heima.message;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import no.heima.problem.FieldProblem;

/**
 * Checks and normalises message text. Heima shows messages as plain text, so markup has
 * no use in one: a tag ({@code <script>}, {@code <img onerror=...>}) or a
 * {@code javascript:} link is refused rather than silently stripped, so what is kept is
 * exactly what was written. A bare {@code <} or {@code >} (blood pressure "< 140") is
 * fine.
 */
final class MessageText {

	private static final Pattern TAG = Pattern
		.compile("<\\s*/?\\s*[a-zA-Z!?][^<>]*>|<\\s*[a-zA-Z][a-zA-Z0-9]*\\s[^<>]*=");

	private static final Pattern SCRIPT_URL = Pattern.compile("(?i)(java|vb)script\\s*:|data\\s*:\\s*text/html");

	private MessageText() {
	}

	/** Problems with {@code text}; empty when it may be kept. */
	static List<FieldProblem> problems(String text, boolean hasPhotos, int maxLength) {
		List<FieldProblem> problems = new ArrayList<>();
		String t = (text == null) ? "" : text.strip();
		if (t.isEmpty() && !hasPhotos) {
			problems.add(new FieldProblem("text", "required", "Write a message or add a photo"));
			return problems;
		}
		if (t.codePointCount(0, t.length()) > maxLength) {
			problems.add(new FieldProblem("text", "too-long", "At most " + maxLength + " characters"));
		}
		if (t.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			problems.add(new FieldProblem("text", "control-character", "The text holds a control character"));
		}
		if (TAG.matcher(t).find() || SCRIPT_URL.matcher(t).find()) {
			problems.add(new FieldProblem("text", "markup", "Messages are plain text: no HTML or scripts"));
		}
		return problems;
	}

	/** The text as kept: trimmed, line ends as \n, Unicode NFC. */
	static String normalise(String text) {
		String t = (text == null) ? "" : text.strip();
		return Normalizer.normalize(t.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
	}

}
