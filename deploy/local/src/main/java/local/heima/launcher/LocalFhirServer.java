package local.heima.launcher;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;

/**
 * A real HAPI FHIR R4 RESTful server, in memory, standing in for the hospital's FHIR
 * server in the default run. What it holds is lost at restart; production points Heima at
 * a real server.
 */
final class LocalFhirServer implements AutoCloseable {

	private final Tomcat tomcat;

	private LocalFhirServer(Tomcat tomcat) {
		this.tomcat = tomcat;
	}

	static LocalFhirServer start(int port) throws LifecycleException, java.io.IOException {
		FhirContext fhir = FhirContext.forR4Cached();
		RestfulServer server = new RestfulServer(fhir);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.registerProviders(List.of(new HashMapResourceProvider<>(fhir, Patient.class),
				new HashMapResourceProvider<>(fhir, Observation.class),
				new HashMapResourceProvider<>(fhir, Questionnaire.class),
				new HashMapResourceProvider<>(fhir, QuestionnaireResponse.class),
				new HashMapResourceProvider<>(fhir, Flag.class), new HashMapResourceProvider<>(fhir, Task.class)));

		Tomcat tomcat = new Tomcat();
		Path base = Files.createTempDirectory("heima-fhir");
		tomcat.setBaseDir(base.toString());
		tomcat.setPort(port);
		Context context = tomcat.addContext("", base.toString());
		Tomcat.addServlet(context, "fhir", server);
		context.addServletMappingDecoded("/fhir/*", "fhir");
		tomcat.getConnector();
		tomcat.start();
		return new LocalFhirServer(tomcat);
	}

	int port() {
		return tomcat.getConnector().getLocalPort();
	}

	@Override
	public void close() throws LifecycleException {
		tomcat.stop();
		tomcat.destroy();
	}

}
