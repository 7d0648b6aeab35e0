/**
 * Messages between a patient and their care team: one conversation per patient, text and
 * photos from the patient, answers from a nurse of the team under their own name, read
 * receipts both ways. A new patient message raises a MESSAGE worklist item (one open at a
 * time per patient). Text is plain text: markup is refused, never rendered.
 */
@ApplicationModule(allowedDependencies = { "attachment", "audit", "careplan", "patient", "worklist::raise" })
package no.heima.message;

import org.springframework.modulith.ApplicationModule;
