import { createI18n } from '../i18n';
import { fieldErrorMessage } from '@heima/web-common/problemMessages';

describe('field error → message', () => {
  it.each(['required', 'length', 'digits', 'date', 'check-digit-1', 'check-digit-2'])(
    'has a sentence for identifier/%s in both languages',
    (code) => {
      const nb = fieldErrorMessage(createI18n('nb'), { field: 'identifier', code, message: 'x' });
      const en = fieldErrorMessage(createI18n('en'), { field: 'identifier', code, message: 'x' });
      expect(nb).not.toBe('x');
      expect(en).not.toBe('x');
      expect(nb).not.toBe(en);
    },
  );

  it('prefers a sentence for the field, then one for the code', () => {
    const i18n = createI18n('nb');
    expect(fieldErrorMessage(i18n, { field: 'givenName', code: 'required' })).toBe(
      'Skriv inn fornavn.',
    );
    expect(fieldErrorMessage(i18n, { field: 'nickname', code: 'too-long' })).toBe(
      'Teksten er for lang.',
    );
  });

  it('falls back to the server’s message for a code it does not know', () => {
    const i18n = createI18n('en');
    expect(
      fieldErrorMessage(i18n, { field: 'identifier', code: 'h-number', message: 'no H numbers' }),
    ).toBe('no H numbers');
    expect(fieldErrorMessage(i18n, { field: 'identifier', code: 'h-number' })).toBe(
      'Some of the details are not valid.',
    );
  });
});
