package no.heima.identity;

import no.heima.problem.HeimaProblemException;
import no.heima.problem.ProblemType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The entry point other features use to learn who is calling. */
@Component
public class CurrentUsers {

	private final ClaimsMapper mapper;

	CurrentUsers(ClaimsMapper mapper) {
		this.mapper = mapper;
	}

	/** The caller, or an UNAUTHENTICATED problem. */
	public Mono<CurrentUser> current() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.flatMap(authentication -> Mono.justOrEmpty(toUser(authentication)))
			.switchIfEmpty(Mono.error(new HeimaProblemException(ProblemType.UNAUTHENTICATED, "Login required")));
	}

	/** The caller, required to hold {@code role}, else a FORBIDDEN problem. */
	public Mono<CurrentUser> requireRole(Role role) {
		return current().flatMap(user -> Access.require(user, role).thenReturn(user));
	}

	CurrentUser toUser(Authentication authentication) {
		if (authentication instanceof OAuth2AuthenticationToken login
				&& login.getPrincipal() instanceof OidcUser oidc) {
			return mapper.map(oidc.getSubject(), oidc.getClaims(), login.getAuthorizedClientRegistrationId());
		}
		if (authentication instanceof JwtAuthenticationToken bearer) {
			return mapper.map(bearer.getToken().getSubject(), bearer.getToken().getClaims(), null);
		}
		return null;
	}

}
