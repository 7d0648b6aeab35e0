package no.heima.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;

/** The route table refuses to start with an API route nobody decided on. */
class RouteAccessTest {

	@Allowed(Role.CLINICIAN)
	static class Decided {

		void plain() {
		}

		@Allowed(Role.ADMIN)
		void admin() {
		}

		@Allowed(everyLogin = true)
		void everyone() {
		}

	}

	static class Undecided {

		void nothing() {
		}

		@Allowed
		void empty() {
		}

		@Allowed(value = Role.ADMIN, everyLogin = true)
		void both() {
		}

	}

	@Test
	void theMethodsAnnotationWinsOverTheControllers() throws Exception {
		Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>();
		handlers.put(info("/api/plain"), handler(new Decided(), "plain"));
		handlers.put(info("/api/admin"), handler(new Decided(), "admin"));
		handlers.put(info("/api/everyone"), handler(new Decided(), "everyone"));
		// not an API route: not this gate's business
		handlers.put(info("/patient/x"), handler(new Undecided(), "nothing"));
		List<RouteAccess.Rule> rules = RouteAccess.rulesOf(handlers);
		assertThat(rules).extracting(RouteAccess.Rule::roles)
			.containsExactly(java.util.Set.of(Role.CLINICIAN), java.util.Set.of(Role.ADMIN), java.util.Set.of());
		assertThat(rules.get(2).everyLogin()).isTrue();
	}

	@Test
	void anApiRouteWithoutADecisionStopsTheStart() throws Exception {
		for (String method : List.of("nothing", "empty", "both")) {
			Map<RequestMappingInfo, HandlerMethod> handlers = Map.of(info("/api/x"), handler(new Undecided(), method));
			assertThatIllegalStateException().isThrownBy(() -> RouteAccess.rulesOf(handlers))
				.withMessageContaining("Undecided." + method);
		}
	}

	private static RequestMappingInfo info(String path) {
		return RequestMappingInfo.paths(path).methods(RequestMethod.POST).build();
	}

	private static HandlerMethod handler(Object bean, String method) throws NoSuchMethodException {
		return new HandlerMethod(bean, bean.getClass().getDeclaredMethod(method));
	}

}
