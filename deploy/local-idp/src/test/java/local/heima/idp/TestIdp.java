package local.heima.idp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A login provider on a free port whose issuer is that port's address (a fixed issuer, as
 * other modules' tests configure it), with the test's own clients and users.
 */
record TestIdp(ConfigurableApplicationContext context, URI issuer) implements AutoCloseable {

	static TestIdp start(Map<String, Object> settings) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		URI issuer = URI.create("http://localhost:" + port);
		Map<String, Object> properties = new HashMap<>(settings);
		properties.put("server.port", String.valueOf(port));
		properties.put("heima.local-idp.issuer", issuer.toString());
		return new TestIdp(LocalIdpApplication.start(properties), issuer);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
