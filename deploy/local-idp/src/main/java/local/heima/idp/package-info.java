/**
 * Heima's local login provider: a real OpenID Connect issuer built on Spring
 * Authorization Server, with synthetic demo users and clients from
 * {@code local-idp.yaml}, for the built-in default run and for tests that want genuine
 * tokens. It lives outside {@code no.heima} so no Heima application's component scan ever
 * finds it, and it runs as its own servlet application, possibly inside another
 * application's JVM, started through
 * {@link local.heima.idp.LocalIdpApplication#start(java.util.Map)}. Tokens are signed
 * with a key generated at start, so they die with the process. Never for production.
 */
package local.heima.idp;
