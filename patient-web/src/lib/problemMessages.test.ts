import { itHasASentenceForEach } from '@heima/web-common/test/problemTexts';
import { createI18n } from '../i18n';
import { ProblemError, ProblemType } from '@heima/web-common/problem';
import {
  answerProblemMessage,
  errorMessage,
  problemMessage,
} from '@heima/web-common/problemMessages';

describe('problem → message', () => {
  itHasASentenceForEach(Object.values(ProblemType), createI18n);

  it('uses the current language', () => {
    const problem = { type: ProblemType.forbidden, status: 403, detail: 'Access denied' };
    expect(problemMessage(createI18n('nb'), problem)).toBe('Du har ikke tilgang til dette.');
    expect(problemMessage(createI18n('en'), problem)).toBe('You do not have access to this.');
  });

  it('falls back to the detail, then the title, for a problem type it does not know', () => {
    const i18n = createI18n('nb');
    expect(problemMessage(i18n, { type: 'urn:other', status: 400, detail: 'Bad thing' })).toBe(
      'Bad thing',
    );
    expect(problemMessage(i18n, { type: 'about:blank', status: 400, title: 'Bad Request' })).toBe(
      'Bad Request',
    );
    expect(problemMessage(i18n, { type: 'about:blank', status: 400 })).toBe(
      'Noe gikk galt. Prøv igjen.',
    );
  });

  it('maps well-known statuses of untyped problems, e.g. a 403 without a Heima type', () => {
    const i18n = createI18n('en');
    expect(problemMessage(i18n, { type: 'about:blank', status: 403, title: 'Forbidden' })).toBe(
      'You do not have access to this.',
    );
    expect(problemMessage(i18n, { type: 'about:blank', status: 502, title: 'Bad Gateway' })).toBe(
      'Something went wrong on our side. Please try again in a little while.',
    );
  });

  it('describes any thrown error', () => {
    const i18n = createI18n('nb');
    expect(errorMessage(i18n, new ProblemError({ type: ProblemType.network, status: 0 }))).toMatch(
      /nettforbindelsen/,
    );
    expect(errorMessage(i18n, new Error('boom'))).toBe('Noe gikk galt. Prøv igjen.');
  });
});

describe('refused answer → message', () => {
  it("states the limit in the patient's language, a file size in MB", () => {
    const tooLarge = {
      linkId: 'photo',
      type: ProblemType.attachmentTooLarge,
      limit: String(10 * 1024 * 1024),
    };
    expect(answerProblemMessage(createI18n('nb'), tooLarge)).toBe(
      'Filen er for stor (høyst 10 MB).',
    );
    expect(answerProblemMessage(createI18n('en'), tooLarge)).toBe(
      'The file is too large (at most 10 MB).',
    );
    const aboveMax = { linkId: 'cigs', type: ProblemType.answerAboveMax, limit: '60' };
    expect(answerProblemMessage(createI18n('en'), aboveMax)).toBe(
      'The highest value allowed is 60.',
    );
  });

  it("falls back to the server's message for a type it does not know", () => {
    const other = { linkId: 'x', type: 'urn:heima:problem:new-thing', message: 'From server' };
    expect(answerProblemMessage(createI18n('nb'), other)).toBe('From server');
  });
});
