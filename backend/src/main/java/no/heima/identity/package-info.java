/**
 * Identity: OIDC login for the browser apps (backend-for-frontend: the session cookie is
 * HttpOnly and tokens stay on the server), bearer JWTs for machine clients on
 * {@code /api/**}, the mapping from token claims to Heima's roles and teams, and the role
 * gate every API route passes before its body is read ({@link no.heima.identity.Allowed}
 * on the route, checked in the security chain; refusals audited). Which claim holds what
 * is configuration, so ID-porten, HelseID, Entra ID or Keycloak can be plugged in without
 * code.
 */
@ApplicationModule(allowedDependencies = {})
package no.heima.identity;

import org.springframework.modulith.ApplicationModule;
