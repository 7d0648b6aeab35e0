package local.heima.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;

/**
 * The local FHIR server: {@code start(port)} serves {@code http://localhost:<port>/fhir}.
 * What it holds survives {@link #stop()} and {@link #start()} (an outage), not the JVM.
 */
public final class LocalFhirServer implements AutoCloseable {

	private final int requestedPort;

	private final Map<String, InMemoryResourceProvider<? extends DomainResource>> providers = new LinkedHashMap<>();

	/** Called with every request the server gets (tests look at what was sent). */
	private final List<java.util.function.Consumer<jakarta.servlet.http.HttpServletRequest>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final TransactionProvider.Slowness slowness = new TransactionProvider.Slowness();

	private Tomcat tomcat;

	private int port;

	/** The interface to listen on; null: all of them. */
	private String address;

	private LocalFhirServer(int port) {
		this.requestedPort = port;
		for (Class<? extends DomainResource> type : List.of(Patient.class, Observation.class, Questionnaire.class,
				QuestionnaireResponse.class, Flag.class, Task.class, CarePlan.class, DocumentReference.class)) {
			this.providers.put(type.getSimpleName(), new InMemoryResourceProvider<>(type));
		}
	}

	/** Starts a server on {@code port} (0: any free port). */
	public static LocalFhirServer start(int port) {
		return start(port, null);
	}

	/** Starts a server on {@code port} of {@code address} (e.g. 127.0.0.1; null: all). */
	public static LocalFhirServer start(int port, String address) {
		LocalFhirServer server = new LocalFhirServer(port);
		server.address = address;
		server.start();
		return server;
	}

	/** Starts (again) on the same port as before. */
	public synchronized void start() {
		if (this.tomcat != null) {
			return;
		}
		try {
			RestfulServer fhir = new RestfulServer(FhirContext.forR4Cached());
			fhir.setDefaultResponseEncoding(EncodingEnum.JSON);
			fhir.registerProviders(new ArrayList<>(this.providers.values()));
			fhir.registerProvider(new TransactionProvider(this.providers, this.slowness));
			fhir.registerInterceptor(new RequestListeners(this.listeners));
			Tomcat server = new Tomcat();
			Path base = Files.createTempDirectory("heima-fhir");
			server.setBaseDir(base.toString());
			server.setPort((this.port != 0) ? this.port : this.requestedPort);
			Context context = server.addContext("", base.toString());
			Tomcat.addServlet(context, "fhir", fhir);
			context.addServletMappingDecoded("/fhir/*", "fhir");
			if (this.address != null) {
				server.getConnector().setProperty("address", this.address);
			}
			server.getConnector();
			server.start();
			this.port = server.getConnector().getLocalPort();
			this.tomcat = server;
		}
		catch (IOException | LifecycleException ex) {
			throw new IllegalStateException("The local FHIR server did not start on port " + this.requestedPort, ex);
		}
	}

	/** Stops answering (connections refused) but keeps what it stored. */
	public synchronized void stop() {
		if (this.tomcat == null) {
			return;
		}
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException("The local FHIR server did not stop", ex);
		}
		this.tomcat = null;
	}

	/**
	 * Calls {@code listener} with every request the server gets from now on, across
	 * outages (a test checks what a client sent, e.g. its headers).
	 */
	public void onRequest(java.util.function.Consumer<jakarta.servlet.http.HttpServletRequest> listener) {
		this.listeners.add(listener);
	}

	/** The HAPI hook behind {@link #onRequest}. */
	@ca.uhn.fhir.interceptor.api.Interceptor
	public static final class RequestListeners {

		private final List<java.util.function.Consumer<jakarta.servlet.http.HttpServletRequest>> listeners;

		RequestListeners(List<java.util.function.Consumer<jakarta.servlet.http.HttpServletRequest>> listeners) {
			this.listeners = listeners;
		}

		@ca.uhn.fhir.interceptor.api.Hook(ca.uhn.fhir.interceptor.api.Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
		public boolean received(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response) {
			this.listeners.forEach((listener) -> listener.accept(request));
			return true;
		}

	}

	/**
	 * From now on every transaction is stored at once but answered only after
	 * {@code perEntry} times its number of entries ({@link java.time.Duration#ZERO}: at
	 * once again), as a slow server whose client may give up on a bundle it stored.
	 */
	public void slowTransactions(java.time.Duration perEntry) {
		this.slowness.perEntry(perEntry);
	}

	/** The number of entries of every transaction stored so far, in order. */
	public List<Integer> transactionSizes() {
		return this.slowness.sizes();
	}

	public int port() {
		return this.port;
	}

	public String baseUrl() {
		return "http://localhost:" + this.port + "/fhir";
	}

	/** The stored resources of one type, for tests and diagnostics. */
	public InMemoryResourceProvider<? extends DomainResource> provider(String resourceType) {
		return this.providers.get(resourceType);
	}

	@Override
	public void close() {
		stop();
	}

}
