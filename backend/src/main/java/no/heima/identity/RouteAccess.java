package no.heima.identity;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.condition.PatternsRequestCondition;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * The role gate of {@code /api/**}, run by the security filter chain before any handler
 * reads the request: the route's {@link Allowed} roles against the caller's. The table is
 * read from the controllers' own mappings (the very ones the dispatcher routes by), so a
 * route cannot be renamed away from its rule, and an API handler method without
 * {@link Allowed} stops the application at start-up.
 *
 * <p>
 * A request is matched on path and method only (not on content type, accepted types or
 * parameters), so a refused caller gets 403 rather than a 415, 406 or 400 that would tell
 * them how the route wants to be called. A path no API route matches is left to the
 * dispatcher (404 or 405 to a logged-in caller).
 */
@Component
class RouteAccess implements ReactiveAuthorizationManager<AuthorizationContext>, SmartInitializingSingleton {

	/**
	 * Exchange attribute set on a refusal: the roles the route needed, as "A or B" (for
	 * the problem detail and the audit row).
	 */
	static final String REFUSED_FOR = RouteAccess.class.getName() + ".refusedFor";

	private final CurrentUsers users;

	private final RequestMappingHandlerMapping mapping;

	private volatile List<Rule> rules;

	RouteAccess(CurrentUsers users, @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
		this.users = users;
		this.mapping = mapping;
	}

	/** One API route and who may call it. */
	record Rule(RequestMappingInfo info, Set<Role> roles, boolean everyLogin, String route) {

		boolean admits(CurrentUser user) {
			return this.everyLogin || this.roles.stream().anyMatch(user::has);
		}

	}

	@Override
	public void afterSingletonsInstantiated() {
		this.rules = rulesOf(this.mapping.getHandlerMethods());
	}

	/** The rules of every API route; refuses (at start-up) a route nobody decided on. */
	static List<Rule> rulesOf(Map<RequestMappingInfo, HandlerMethod> handlers) {
		List<Rule> rules = new ArrayList<>();
		Set<String> undecided = new TreeSet<>();
		handlers.forEach((info, handler) -> {
			if (!isApi(info)) {
				return;
			}
			Allowed allowed = allowedOn(handler);
			String route = info.getMethodsCondition().getMethods() + " " + info.getPatternsCondition().getPatterns();
			if (allowed == null || (allowed.value().length == 0) == !allowed.everyLogin()) {
				undecided.add(route + " (" + handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName()
						+ ")");
				return;
			}
			Set<Role> roles = EnumSet.noneOf(Role.class);
			roles.addAll(Arrays.asList(allowed.value()));
			rules.add(new Rule(info, Set.copyOf(roles), allowed.everyLogin(), route));
		});
		if (!undecided.isEmpty()) {
			throw new IllegalStateException("API routes need @Allowed (exactly one of roles or everyLogin) on the"
					+ " method or its controller: " + undecided);
		}
		return List.copyOf(rules);
	}

	/** The method's annotation, else its controller's. */
	static Allowed allowedOn(HandlerMethod handler) {
		Method method = handler.getMethod();
		Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(method, Allowed.class);
		return (allowed != null) ? allowed
				: AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allowed.class);
	}

	private static boolean isApi(RequestMappingInfo info) {
		return info.getPatternsCondition()
			.getPatterns()
			.stream()
			.map(PathPattern::getPatternString)
			.anyMatch((p) -> p.equals("/api") || p.startsWith("/api/"));
	}

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		ServerWebExchange exchange = context.getExchange();
		if (this.rules == null) {
			// a request before start-up finished: nobody gets past an unbuilt table
			return Mono.just(new AuthorizationDecision(false));
		}
		List<Rule> matched = matching(exchange);
		return authentication.filter(Authentication::isAuthenticated)
			.flatMap((caller) -> Mono.justOrEmpty(this.users.toUser(caller)))
			.map((user) -> (AuthorizationResult) new AuthorizationDecision(admitted(exchange, user, matched)))
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	private static boolean admitted(ServerWebExchange exchange, CurrentUser user, List<Rule> matched) {
		if (matched.isEmpty() || matched.stream().anyMatch((rule) -> rule.admits(user))) {
			return true;
		}
		Set<Role> needed = EnumSet.noneOf(Role.class);
		matched.forEach((rule) -> needed.addAll(rule.roles()));
		exchange.getAttributes().put(REFUSED_FOR, needed.stream().map(Role::name).collect(Collectors.joining(" or ")));
		return false;
	}

	/**
	 * The rules of the routes the dispatcher would choose between for this path and
	 * method: those with the most specific matching pattern (as the dispatcher ranks
	 * them), all of them when several share it.
	 */
	List<Rule> matching(ServerWebExchange exchange) {
		List<Rule> table = rules();
		List<Rule> best = new ArrayList<>();
		PatternsRequestCondition bestPatterns = null;
		for (Rule rule : table) {
			PatternsRequestCondition patterns = rule.info().getPatternsCondition().getMatchingCondition(exchange);
			if (patterns == null || rule.info().getMethodsCondition().getMatchingCondition(exchange) == null) {
				continue;
			}
			int order = (bestPatterns == null) ? -1 : patterns.compareTo(bestPatterns, exchange);
			if (order < 0) {
				best.clear();
				bestPatterns = patterns;
			}
			if (order <= 0) {
				best.add(rule);
			}
		}
		return best;
	}

	/** The table, for tests and the docs: route → roles. */
	List<Rule> rules() {
		return (this.rules != null) ? this.rules : List.of();
	}

}
