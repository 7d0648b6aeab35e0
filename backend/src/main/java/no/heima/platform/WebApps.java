package no.heima.platform;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * Serves the built single-page apps (packaged by the patient-web and clinician-web
 * modules under {@code static/}). Their assets come from Boot's static resource handling;
 * any other path under an app (a client-side route) gets its index.html, never cached so
 * a new release is picked up.
 */
@Configuration
class WebApps {

	@Bean
	RouterFunction<ServerResponse> webAppRoutes() {
		return app("patient").and(app("clinician"))
			.and(RouterFunctions.route(GET("/"),
					request -> ServerResponse.temporaryRedirect(URI.create("/patient/")).build()));
	}

	private static RouterFunction<ServerResponse> app(String name) {
		Resource index = new ClassPathResource("static/" + name + "/index.html");
		RequestPredicate clientRoute = GET("/" + name).or(GET("/" + name + "/"))
			.or(GET("/" + name + "/**").and(request -> !lastSegment(request.path()).contains(".")));
		return RouterFunctions.route(clientRoute,
				request -> index.exists() ? ServerResponse.ok()
					.contentType(MediaType.TEXT_HTML)
					.cacheControl(CacheControl.noCache())
					.bodyValue(index) : ServerResponse.notFound().build());
	}

	private static String lastSegment(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
