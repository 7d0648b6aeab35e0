package no.heima.authz;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every route the running application answers, read from its own handler mappings
 * (annotated controllers, actuator and API docs endpoints, router functions) as
 * {@code "METHOD /pattern"}. A new route shows up here without anyone listing it.
 */
final class RouteTable {

	private RouteTable() {
	}

	static Set<String> of(ApplicationContext context) {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<String> methods = new TreeSet<>();
				info.getMethodsCondition().getMethods().forEach((m) -> methods.add(m.name()));
				if (methods.isEmpty()) {
					methods.add("*");
				}
				for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
					methods.forEach((m) -> routes.add(m + " " + pattern.getPatternString()));
				}
			}
		}
		for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
			RouterFunction<?> function = mapping.getRouterFunction();
			if (function != null) {
				function.accept(new Collector(routes));
			}
		}
		return routes;
	}

	/** Walks router functions; every path predicate is one route, with its method. */
	private static final class Collector implements RouterFunctions.Visitor, RequestPredicates.Visitor {

		private final Set<String> routes;

		private final Set<String> methods = new TreeSet<>();

		Collector(Set<String> routes) {
			this.routes = routes;
		}

		@Override
		public void startNested(RequestPredicate predicate) {
		}

		@Override
		public void endNested(RequestPredicate predicate) {
		}

		@Override
		public void route(RequestPredicate predicate,
				org.springframework.web.reactive.function.server.HandlerFunction<?> handlerFunction) {
			this.methods.clear();
			predicate.accept(this);
		}

		@Override
		public void resources(
				java.util.function.Function<org.springframework.web.reactive.function.server.ServerRequest, reactor.core.publisher.Mono<org.springframework.core.io.Resource>> lookupFunction) {
		}

		@Override
		public void attributes(java.util.Map<String, Object> attributes) {
		}

		@Override
		public void unknown(RouterFunction<?> routerFunction) {
		}

		@Override
		public void method(Set<HttpMethod> methods) {
			methods.forEach((m) -> this.methods.add(m.name()));
		}

		@Override
		public void path(String pattern) {
			(this.methods.isEmpty() ? Set.of("*") : this.methods).forEach((m) -> this.routes.add(m + " " + pattern));
		}

		@Override
		public void pathExtension(String extension) {
		}

		@Override
		public void header(String name, String value) {
		}

		@Override
		public void queryParam(String name, String value) {
		}

		@Override
		public void version(String version) {
		}

		@Override
		public void startAnd() {
		}

		@Override
		public void and() {
		}

		@Override
		public void endAnd() {
		}

		@Override
		public void startOr() {
		}

		@Override
		public void or() {
		}

		@Override
		public void endOr() {
		}

		@Override
		public void startNegate() {
		}

		@Override
		public void endNegate() {
		}

		@Override
		public void unknown(RequestPredicate predicate) {
		}

	}

}
