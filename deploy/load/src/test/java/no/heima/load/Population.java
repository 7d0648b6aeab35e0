package no.heima.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import local.heima.idp.testsupport.OidcTestLogin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sets up what a run needs through Heima's own API, as people would: an admin publishes a
 * pathway (blood pressure, weight, temperature: daily), a nurse registers and enrols each
 * load patient, and every patient logs in for real (authorization code flow at the login
 * provider). A later run against the same Heima finds the pathway, the patients and their
 * care plans of an earlier one and uses them again.
 */
final class Population {

	private static final String SECRET = "heima-local-dev-secret";

	private static final String NAME = "Last (load harness)";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LoadConfig config;

	private final HttpClient http = HttpClient.newHttpClient();

	Population(LoadConfig config) {
		this.config = config;
	}

	/** One feeder record per patient: {@code token}, {@code carePlanId}. */
	List<Map<String, Object>> patients() {
		String admin = login("heima-clinician", "clinician", "admin");
		String nurse = nurseToken();
		String pathwayId = pathway(admin);
		String start = LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1).toString();
		List<Map<String, Object>> patients = new ArrayList<>();
		for (int i = 1; i <= this.config.patients(); i++) {
			String token = login("heima-patient", "patient", "last" + i);
			String pid = claim(token, "pid");
			String patientId = register(nurse, pid, i);
			patients.add(Map.of("token", token, "carePlanId", carePlan(nurse, patientId, pathwayId, start)));
		}
		return patients;
	}

	/**
	 * The load pathway, published by the first run and used again by later ones (each run
	 * adding a care plan per patient would make later runs read more plans per
	 * submission).
	 */
	private String pathway(String admin) {
		for (JsonNode summary : call("GET", "/api/pathways", admin, null)) {
			if (NAME.equals(summary.get("name").asString()) && summary.get("latestVersion").asInt() > 0) {
				return summary.get("id").asString();
			}
		}
		String id = call("POST", "/api/pathways", admin, Map.of("definition", definition(this.config.questionnaires())))
			.get("id")
			.asString();
		// the built-in questionnaires are imported in the background after start-up: a
		// just-started Heima refuses PHQ-9 as unknown for a while
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
		HttpResponse<String> published;
		while ((published = send("POST", "/api/pathways/" + id + "/publish", admin, null)).statusCode() == 400
				&& published.body().contains("questionnaireUrl") && System.nanoTime() < deadline) {
			sleep(2000);
		}
		if (published.statusCode() >= 300) {
			throw new IllegalStateException("publishing the load pathway: " + published.body());
		}
		return id;
	}

	/** The patient's open plan on the load pathway, or a new one. */
	private String carePlan(String nurse, String patientId, String pathwayId, String start) {
		for (JsonNode plan : call("GET", "/api/patients/" + patientId + "/care-plans", nurse, null)) {
			if (pathwayId.equals(plan.get("pathwayId").asString()) && "ACTIVE".equals(plan.get("status").asString())) {
				return plan.get("id").asString();
			}
		}
		return call("POST", "/api/patients/" + patientId + "/care-plans", nurse,
				Map.of("pathwayId", pathwayId, "startDate", start))
			.get("id")
			.asString();
	}

	String nurseToken() {
		return login("heima-clinician", "clinician", "sykepleier1");
	}

	private String register(String nurse, String pid, int i) {
		HttpResponse<String> created = send("POST", "/api/patients", nurse,
				Map.of("identifier", pid, "givenName", "Last", "familyName", "Pasient " + i));
		if (created.statusCode() == 201) {
			return JSON.readTree(created.body()).get("id").asString();
		}
		JsonNode page = call("GET", "/api/patients?q=" + pid, nurse, null);
		return page.get("items").get(0).get("id").asString();
	}

	private String login(String client, String registration, String username) {
		return OidcTestLogin
			.login(URI.create(this.config.issuer()), client, SECRET,
					this.config.baseUrl() + "/login/oauth2/code/" + registration, username, "demo")
			.accessToken();
	}

	private static String claim(String jwt, String name) {
		String payload = jwt.split("\\.")[1];
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
			.get(name)
			.asString();
	}

	private JsonNode call(String method, String path, String token, Object body) {
		HttpResponse<String> response = send(method, path, token, body);
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(String method, String path, String token, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.config.baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> definition(boolean questionnaires) {
		Map<String, Object> daily = Map.of("kind", "DAILY", "windowStart", "00:00", "windowEnd", "23:59");
		List<Map<String, Object>> activities = new ArrayList<>(List.of(Map.of("id", "bp", "type", "MEASUREMENT", "title", "Blodtrykk", "vital", "BLOOD_PRESSURE",
						"schedule", daily, "thresholds",
						List.of(Map.of("code", "8480-6", "yellowHigh", 140, "redHigh", 180),
								Map.of("code", "8462-4", "yellowHigh", 90, "redHigh", 110))),
						Map.of("id", "weight", "type", "MEASUREMENT", "title", "Vekt", "vital", "BODY_WEIGHT",
								"schedule", daily, "collectOnly", true, "collectOnlyReason",
								Map.of("nb", "Bare til samtalen", "en", "Only for the talk")),
						Map.of("id", "temperature", "type", "MEASUREMENT", "title", "Temperatur", "vital",
								"BODY_TEMPERATURE", "schedule", daily, "thresholds",
								List.of(Map.of("code", "8310-5", "yellowHigh", 38.0, "redHigh", 39.5)))));
		if (questionnaires) {
			activities.add(Map.of("id", "phq", "type", "QUESTIONNAIRE", "title", "PHQ-9", "questionnaireUrl",
					Questionnaires.PHQ9_URL, "questionnaireVersion", "1.0.0", "schedule", daily, "thresholds",
					List.of(Map.of("code", "phq9-total", "yellowHigh", 10, "redHigh", 20))));
		}
		return Map.of("name", NAME, "activities", activities, "advice",
				Map.of("green", Map.of("nb", "Fortsett som før", "en", "Carry on"), "yellow",
						Map.of("nb", "Mål igjen", "en", "Measure again"), "red",
						Map.of("nb", "Ring avdelingen nå", "en", "Call the ward now")));
	}

}
