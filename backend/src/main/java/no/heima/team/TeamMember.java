package no.heima.team;

import java.time.Instant;

/**
 * A colleague in the directory of {@code team}.
 *
 * @param roles the roles they held at their last login (comma separated; empty when only
 * listed by an admin)
 * @param listed whether an admin listed them
 */
public record TeamMember(String team, String subject, String name, String roles, Instant lastLoginAt, boolean listed) {

}
