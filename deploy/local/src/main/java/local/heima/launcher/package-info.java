/**
 * The built-in default run: one JVM with an embedded PostgreSQL (data kept in a
 * git-ignored folder of the checkout), the local OIDC login provider with demo users, an
 * in-memory HAPI FHIR server to write back to, and the Heima backend serving both web
 * apps. For development and demos only.
 */
package local.heima.launcher;
