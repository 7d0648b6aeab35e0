package no.heima.jpafhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A benchmark hook (on only with {@code -Djpa-fhir.outage-switch=true}):
 * {@code PUT /outage} makes every FHIR request answer 503, as a gateway in front of a
 * server that is down would, and {@code DELETE /outage} ends it. Lets a drain benchmark
 * queue write-back rows and release them without restarting the server (which takes
 * minutes).
 */
final class OutageSwitch {

	private final AtomicBoolean down = new AtomicBoolean();

	HttpServlet servlet() {
		return new HttpServlet() {

			@Override
			protected void doPut(HttpServletRequest request, HttpServletResponse response) {
				OutageSwitch.this.down.set(true);
				response.setStatus(204);
			}

			@Override
			protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
				OutageSwitch.this.down.set(false);
				response.setStatus(204);
			}

			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.setContentType("text/plain");
				response.getWriter().println(OutageSwitch.this.down.get() ? "down" : "up");
			}

		};
	}

	HttpFilter filter() {
		return new HttpFilter() {

			@Override
			protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws IOException, ServletException {
				if (OutageSwitch.this.down.get()) {
					response.sendError(503, "Outage switched on (deploy/jpa-fhir OutageSwitch)");
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

}
