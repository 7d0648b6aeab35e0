package no.heima.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDC conformance corpus under {@code src/test/resources/sdc/} (see its README): one
 * folder per questionnaire with {@code questionnaire.json} and {@code cases.json}.
 */
public final class SdcCorpus {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One questionnaire and its cases. */
	public record Form(String folder, String questionnaireJson, JsonNode notes, List<Case> cases) {

		public String canonical() {
			JsonNode q = JSON.readTree(questionnaireJson);
			return q.get("url").asString() + "|" + q.get("version").asString();
		}

		public boolean importRefused() {
			return notes != null && "refused".equals(notes.path("import").asString());
		}

	}

	/** One answer set and what the server must do with it. */
	public record Case(String form, String name, String language, JsonNode items, JsonNode expect) {

		public boolean stored() {
			return "stored".equals(expect.get("outcome").asString());
		}

		/** The answers as a QuestionnaireResponse (FHIR JSON). */
		public String responseJson() {
			return "{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"item\": " + items + "}";
		}

		@Override
		public String toString() {
			return form + "/" + name;
		}

	}

	private SdcCorpus() {
	}

	public static List<Form> forms() {
		try {
			Path root = Path.of(SdcCorpus.class.getResource("/sdc").toURI());
			List<Form> forms = new ArrayList<>();
			try (Stream<Path> folders = Files.list(root)) {
				for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
					String name = folder.getFileName().toString();
					JsonNode body = JSON.readTree(Files.readString(folder.resolve("cases.json")));
					List<Case> cases = new ArrayList<>();
					for (JsonNode c : body.get("cases")) {
						cases.add(new Case(name, c.get("name").asString(),
								c.has("language") ? c.get("language").asString() : null, c.get("items"),
								c.get("expect")));
					}
					forms.add(new Form(name, Files.readString(folder.resolve(body.get("questionnaire").asString())),
							body.get("notes"), cases));
				}
			}
			return forms;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static List<Case> cases() {
		return forms().stream().flatMap((f) -> f.cases().stream()).toList();
	}

	/** Every answer value to {@code linkId} in the response, in document order. */
	public static List<Type> answers(QuestionnaireResponse response, String linkId) {
		List<Type> values = new ArrayList<>();
		collect(response.getItem(), linkId, values);
		return values;
	}

	public static boolean present(QuestionnaireResponse response, String linkId) {
		return present(response.getItem(), linkId);
	}

	private static boolean present(List<QuestionnaireResponseItemComponent> items, String linkId) {
		for (QuestionnaireResponseItemComponent item : items) {
			if (linkId.equals(item.getLinkId()) || present(item.getItem(), linkId)
					|| item.getAnswer().stream().anyMatch((a) -> present(a.getItem(), linkId))) {
				return true;
			}
		}
		return false;
	}

	private static void collect(List<QuestionnaireResponseItemComponent> items, String linkId, List<Type> into) {
		for (QuestionnaireResponseItemComponent item : items) {
			if (linkId.equals(item.getLinkId())) {
				item.getAnswer().forEach((a) -> into.add(a.getValue()));
			}
			collect(item.getItem(), linkId, into);
			item.getAnswer().forEach((a) -> collect(a.getItem(), linkId, into));
		}
	}

	/**
	 * Whether a stored answer value is the expected one: same FHIR type (valueInteger is
	 * not valueDecimal), Codings on system and code, numbers by value.
	 */
	public static boolean sameValue(Type expected, Type actual) {
		if (expected == null || actual == null || !expected.fhirType().equals(actual.fhirType())) {
			return false;
		}
		if (expected instanceof Coding e && actual instanceof Coding a) {
			return Objects.equals(e.getSystem(), a.getSystem()) && Objects.equals(e.getCode(), a.getCode());
		}
		if (expected instanceof Quantity e && actual instanceof Quantity a) {
			return e.getValue().compareTo(a.getValue()) == 0 && Objects.equals(e.getCode(), a.getCode());
		}
		if (expected instanceof DecimalType e && actual instanceof DecimalType a) {
			return e.getValue().compareTo(a.getValue()) == 0;
		}
		if (expected instanceof Attachment e && actual instanceof Attachment a) {
			return Objects.equals(e.getContentType(), a.getContentType());
		}
		if (expected instanceof PrimitiveType<?> e && actual instanceof PrimitiveType<?> a) {
			return Objects.equals(e.getValueAsString(), a.getValueAsString());
		}
		return expected.equalsDeep(actual);
	}

	/** The expected answer values of one linkId, parsed with HAPI. */
	public static List<Type> expectedAnswers(JsonNode values) {
		String json = "{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"item\": [{\"linkId\": \"x\", \"answer\": "
				+ values + "}]}";
		QuestionnaireResponse parsed = ca.uhn.fhir.context.FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(QuestionnaireResponse.class, json);
		return parsed.getItemFirstRep().getAnswer().stream().map((a) -> a.getValue()).toList();
	}

	/** A score's expected value: a number, or else its text. */
	public static boolean sameScore(JsonNode expected, BigDecimal value, String text) {
		if (expected.isNumber()) {
			return value != null && value.compareTo(expected.decimalValue()) == 0;
		}
		return Objects.equals(expected.asString(), text);
	}

}
