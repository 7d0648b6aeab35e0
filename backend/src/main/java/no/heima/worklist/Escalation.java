package no.heima.worklist;

import java.time.Instant;

/**
 * Why and to whom an item is escalated: {@code note} always; {@code toSubject} a
 * colleague of the item's team (from the team directory), {@code toRole} a role (e.g.
 * "lege i vakt"), {@code dueAt} a new deadline; each optional.
 */
public record Escalation(String note, String toSubject, String toRole, Instant dueAt) {

}
