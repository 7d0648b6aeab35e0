package no.heima.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Completes the OpenAPI document: a summary for every operation (from
 * {@code openapi/operations.txt}, one line per {@code METHOD path}, kept in one file so
 * features need no annotations), the two security schemes (the browser session cookie
 * with its CSRF header, and bearer JWTs) required on every {@code /api} operation, and
 * the problem-details body of every error. {@code OpenApiContractIT} fails when an
 * operation has no summary.
 */
@Component
class OpenApiDescriptions implements OpenApiCustomizer {

	static final String BEARER = "bearer";

	static final String SESSION = "session";

	private static final String PROBLEM = "Problem";

	private final Map<String, String> summaries;

	OpenApiDescriptions() {
		this.summaries = read("openapi/operations.txt");
	}

	@Override
	public void customise(OpenAPI openApi) {
		Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
		openApi.setComponents(components);
		components.addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("An access token of the configured issuer for Heima's API (audience heima-api)"));
		components.addSecuritySchemes(SESSION,
				new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.COOKIE)
					.name("SESSION")
					.description("The browser session after the OIDC login; writes also need the XSRF-TOKEN"
							+ " cookie's value in the X-XSRF-TOKEN header"));
		components.addSchemas(PROBLEM, problemSchema());
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			String summary = this.summaries.get(method.name() + " " + path);
			if (summary != null && (operation.getSummary() == null || operation.getSummary().isBlank())) {
				operation.setSummary(summary);
			}
			if (path.startsWith("/api/")) {
				operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
				operation.addSecurityItem(new SecurityRequirement().addList(SESSION));
				problems(operation);
			}
		}));
	}

	private static void problems(Operation operation) {
		Content content = new Content().addMediaType("application/problem+json",
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
		if (operation.getResponses() != null && !operation.getResponses().containsKey("default")) {
			operation.getResponses()
				.addApiResponse("default",
						new ApiResponse().description("An RFC 9457 problem (urn:heima:problem:*)").content(content));
		}
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Schema<?> fieldError = new ObjectSchema().description("One refused field of the request")
			.addProperty("field", new StringSchema().description("e.g. values.8480-6 or measuredAt"))
			.addProperty("code", new StringSchema().description("e.g. required, range, order"))
			.addProperty("message", new StringSchema())
			.required(java.util.List.of("field", "code"));
		Schema<?> answerProblem = new ObjectSchema()
			.description("One refused answer of a questionnaire response: the question and why")
			.addProperty("linkId", new StringSchema())
			.addProperty("text", new StringSchema().description("The question's text in the patient's language"))
			.addProperty("type", new StringSchema().description("urn:heima:problem:<slug>"))
			.addProperty("limit", new StringSchema().description("The limit as written in the questionnaire"))
			.addProperty("message", new StringSchema())
			.required(java.util.List.of("linkId", "type"));
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().description("urn:heima:problem:<slug>"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(fieldError))
			.addProperty("answers", new io.swagger.v3.oas.models.media.ArraySchema().items(answerProblem))
			.required(java.util.List.of("type", "status"));
	}

	/** {@code METHOD /path = summary} lines; {@code #} starts a comment. */
	static Map<String, String> read(String resource) {
		Map<String, String> summaries = new LinkedHashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				line = line.strip();
				int equals = line.indexOf(" = ");
				if (line.isEmpty() || line.startsWith("#") || equals < 0) {
					continue;
				}
				String key = line.substring(0, equals).strip();
				int space = key.indexOf(' ');
				summaries.put(key.substring(0, space).toUpperCase(Locale.ROOT) + " " + key.substring(space + 1).strip(),
						line.substring(equals + 3).strip());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return summaries;
	}

	static PathItem.HttpMethod method(String name) {
		return PathItem.HttpMethod.valueOf(name.toUpperCase(Locale.ROOT));
	}

}
