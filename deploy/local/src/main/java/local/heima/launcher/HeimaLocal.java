package local.heima.launcher;

import java.time.Duration;

/**
 * {@code java -jar deploy/local/target/heima-local.jar}: the whole of Heima on this
 * machine.
 */
public final class HeimaLocal {

	private HeimaLocal() {
	}

	public static void main(String[] args) throws Exception {
		long start = System.nanoTime();
		LocalSettings requested = LocalSettings.fromEnvironment(System.getenv(), System.getProperties());
		System.out.println("Heima local: database " + (requested.dbUrl() == null ? "embedded" : requested.dbUrl())
				+ ", login provider " + (requested.externalIssuer() == null ? "local" : requested.externalIssuer())
				+ ", FHIR server "
				+ (requested.externalFhirUrl() == null ? "in memory (local)" : requested.externalFhirUrl()));
		LocalStack stack = LocalStack.start(requested);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "heima-local-stop"));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		LocalSettings s = stack.effectiveSettings();
		System.out.printf("""

				================================================================================
				 Heima is running (started in %.1f s)
				   Patient app     %s/patient/
				   Clinician app   %s/clinician/
				   API docs        %s/swagger-ui.html   (OpenAPI: /v3/api-docs)
				   Health          %s/actuator/health
				%s
				 Demo logins (password: demo)
				   pasient1     Kari Nordvik    patient, team hjerte
				   pasient2     Ola Fjellheim   patient, team lunge
				   sykepleier1  Nina Berg       nurse, team hjerte
				   sykepleier2  Per Lund        nurse, team lunge
				   admin        Anne Dahl       clinic admin
				 Stop with Ctrl+C.
				================================================================================
				%n""", took.toMillis() / 1000.0, s.backendUrl(), s.backendUrl(), s.backendUrl(), s.backendUrl(),
				stack.describeServices());
	}

}
