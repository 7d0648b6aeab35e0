/**
 * The questionnaire library: FHIR R4 Questionnaires imported by an ADMIN through one gate
 * (the HAPI validator, with the nb-NO language false positive excused, plus Heima's own
 * structural checks), stored per canonical {@code url|version} (a new version is a new
 * row; an old one never changes, and a retired one stays readable), translated through
 * the FHIR {@code translation} extension (nb first, en), and scored on the server: SDC
 * {@code calculatedExpression} and {@code variable} evaluated with HAPI's FHIRPath engine
 * from the questionnaire's ordinal values, never trusting a calculated value sent by the
 * client. Submitted responses go through one SDC conformance engine ({@code Conformance}:
 * enablement drops stale answers, every constraint is refused with its own problem type,
 * calculations run in dependency order), never through logic for particular linkIds.
 * Other features use {@link no.heima.questionnaire.QuestionnaireService}
 * ({@code findActive}, {@code find}, {@code json}, {@code score}, {@code conform},
 * {@code attachmentRules}) and {@link no.heima.questionnaire.Translations}; the REST API
 * is under {@code /api/questionnaires}. The built-in questionnaires under
 * {@code resources/questionnaires/} are imported at start-up when absent.
 */
@ApplicationModule(allowedDependencies = {})
package no.heima.questionnaire;

import org.springframework.modulith.ApplicationModule;
