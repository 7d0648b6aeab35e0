/**
 * Identity: OIDC login for the browser apps (backend-for-frontend: the session cookie is
 * HttpOnly and tokens stay on the server), bearer JWTs for machine clients on
 * {@code /api/**}, and the mapping from token claims to Heima's roles and teams. Which
 * claim holds what is configuration, so ID-porten, HelseID, Entra ID or Keycloak can be
 * plugged in without code.
 */
@ApplicationModule(allowedDependencies = {})
package no.heima.identity;

import org.springframework.modulith.ApplicationModule;
