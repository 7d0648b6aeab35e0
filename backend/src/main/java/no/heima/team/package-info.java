/**
 * The team directory: who can be given a worklist item. A clinician holding a team claim
 * is kept as a member of that team when they log in; an admin of the team may list
 * colleagues who have not logged in yet (or unlist them). Assignment and escalation in
 * the worklist choose only from the item's own team here.
 */
@ApplicationModule(allowedDependencies = {})
package no.heima.team;

import org.springframework.modulith.ApplicationModule;
