package local.heima.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import local.heima.fhir.LocalFhirServer;
import local.heima.idp.testsupport.OidcTestLogin;
import no.heima.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * {@code HEIMA_FHIR_URL} (or {@code -Dheima.fhir.base-url}) given to the default run: the
 * backend talks to that server, and the launcher starts no in-memory one of its own.
 */
class ExternalFhirServerIT {

	@Test
	void theDefaultRunUsesTheGivenFhirServerAndStartsNoneOfItsOwn() throws Exception {
		TestDatabase.Server db = TestDatabase.get();
		try (LocalFhirServer hospital = LocalFhirServer.start(0)) {
			storePatient(hospital.baseUrl());
			int ownFhirPort = freePort();
			LocalSettings settings = new LocalSettings(freePort(), freePort(), ownFhirPort,
					Files.createTempDirectory("heima-external-fhir"), db.url(), db.username(), db.password(), null,
					hospital.baseUrl());
			try (LocalStack stack = LocalStack.start(settings)) {
				assertThat(stack.inMemoryFhir()).isFalse();
				assertThat(listening(ownFhirPort)).as("an in-memory FHIR server on " + ownFhirPort).isFalse();
				assertThat(stack.describeServices()).contains(hospital.baseUrl()).contains("external");

				// the backend looks the patient up on the given server
				String token = OidcTestLogin
					.login(URI.create(stack.effectiveSettings().issuer()), "heima-clinician", "heima-local-dev-secret",
							settings.backendUrl() + "/login/oauth2/code/clinician", "sykepleier1", "demo")
					.accessToken();
				HttpResponse<String> lookup = HttpClient.newHttpClient()
					.send(HttpRequest
						.newBuilder(URI.create(settings.backendUrl() + "/api/fhir/patients?identifier=24896840041"))
						.header("Authorization", "Bearer " + token)
						.timeout(Duration.ofSeconds(30))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(lookup.statusCode()).as(lookup.body()).isEqualTo(200);
				assertThat(lookup.body()).contains("\"found\":true").contains("Fjellheim-Ekstern");
			}
		}
	}

	/** Only on the hospital's server: a name the local demo data does not have. */
	private static void storePatient(String fhirBase) throws Exception {
		String patient = """
				{"resourceType":"Patient","identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.4.1",
				 "value":"24896840041"}],"name":[{"family":"Fjellheim-Ekstern","given":["Ola"]}]}""";
		HttpResponse<String> created = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(fhirBase + "/Patient"))
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(patient))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException refused) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
