package no.heima.platform;

import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Reading the apps' own files (index pages, scripts, icons under {@code /patient/} and
 * {@code /clinician/}) never expires the browser's session cookie.
 * <p>
 * WebFlux answers a request whose session cookie names no known session with a cookie
 * that deletes it. During a login the session id changes (fixation protection), so a
 * request sent just before with the old id comes back deleting the new, logged-in cookie
 * when it arrives after the login: the patient app's service worker precaches some 350
 * files while the patient logs in on their first visit, and the patient was
 * intermittently back on the welcome page, logged out, right after logging in. The apps'
 * files need no session; an unknown cookie on an API call is still expired as before.
 * <p>
 * Wraps whichever resolver Spring Boot (or Spring Session) configured, so the cookie's
 * name and attributes stay as configured.
 */
@Component
class AppFilesKeepTheSessionCookie implements BeanPostProcessor {

	private static final List<String> APP_FILES = List.of("/patient/", "/clinician/");

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof WebSessionIdResolver resolver && !(bean instanceof KeepOnAppFiles)) {
			return new KeepOnAppFiles(resolver);
		}
		return bean;
	}

	static boolean isAppFileRead(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
			return false;
		}
		String path = request.getPath().pathWithinApplication().value();
		return APP_FILES.stream().anyMatch(path::startsWith);
	}

	/** The configured resolver, except that it leaves the cookie alone on app files. */
	record KeepOnAppFiles(WebSessionIdResolver delegate) implements WebSessionIdResolver {

		@Override
		public List<String> resolveSessionIds(ServerWebExchange exchange) {
			return this.delegate.resolveSessionIds(exchange);
		}

		@Override
		public void setSessionId(ServerWebExchange exchange, String sessionId) {
			this.delegate.setSessionId(exchange, sessionId);
		}

		@Override
		public void expireSession(ServerWebExchange exchange) {
			if (!isAppFileRead(exchange.getRequest())) {
				this.delegate.expireSession(exchange);
			}
		}

	}

}
