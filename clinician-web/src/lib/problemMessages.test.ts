import { ProblemType } from '@heima/web-common/problem';
import { itHasASentenceForEach } from '@heima/web-common/test/problemTexts';
import { createI18n } from '../i18n';

// What only a patient's own submission can be refused with (the clinician app sends none of these);
// the shared wording rules are tested with the patient app's texts (patient-web problemMessages.test).
const PATIENT_SUBMISSIONS =
  /^urn:heima:problem:(answer-|attachment-|measured-at-|implausible-value|unit-mismatch|not-enrolled|idempotency-key-reused|invalid-response|not-registered)/;

describe('problem → message', () => {
  itHasASentenceForEach(
    Object.values(ProblemType).filter((type) => !PATIENT_SUBMISSIONS.test(type)),
    createI18n,
  );
});
