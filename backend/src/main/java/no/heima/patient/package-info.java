/**
 * The patient register: national identifier (fødselsnummer or D-number, checked by date
 * and both mod-11 check digits, in one place), name, contact details, preferred language
 * and the teams that follow the patient. Clinicians see their own teams' patients only; a
 * patient sees their own record, found through the national identifier in their login.
 * Every read and change is audited in the same transaction.
 */
@ApplicationModule(allowedDependencies = { "audit" })
package no.heima.patient;

import org.springframework.modulith.ApplicationModule;
