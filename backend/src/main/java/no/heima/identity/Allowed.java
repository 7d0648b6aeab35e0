package no.heima.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an API route at all: a caller holding none of the roles is refused 403 by
 * the security filter chain ({@link RouteAccess}) before the request body is read, so a
 * refused caller learns nothing of the route's body shape and the refusal is audited.
 * Every handler method under {@code /api} carries one, on the method or on its controller
 * (the method's wins); the application does not start otherwise.
 *
 * <p>
 * This is the coarse gate only. The services keep their own checks
 * ({@link Access#require}, team membership, the patient's own record): an allowed role
 * says the route is meant for the caller's kind of user, not that the record asked for is
 * theirs.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allowed {

	/** Any one of these lets a caller through. Empty only with {@link #everyLogin()}. */
	Role[] value() default {};

	/**
	 * Every logged-in caller, whatever their roles (e.g. {@code /api/me}, which tells a
	 * login with no role that it has none).
	 */
	boolean everyLogin() default false;

}
