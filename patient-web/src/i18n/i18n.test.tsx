import { expectCompleteTranslations } from '@heima/web-common/test/translations';
import { createI18n } from '.';
import { en } from './resources/en';
import { nb } from './resources/nb';

// The language switch and remembering the choice are tested in web-common (i18n.test.tsx).
describe('this app’s texts', () => {
  it('has its welcome heading and document title in both languages', () => {
    expect(createI18n('nb').t('welcome.heading')).toBe('Velkommen til Heima');
    expect(document.title).toBe('Heima – pasient');
    expect(createI18n('en').t('welcome.heading')).toBe('Welcome to Heima');
    expect(document.title).toBe('Heima – patient');
  });

  it('has the same keys in English as in Norwegian, none empty', () => {
    expectCompleteTranslations(nb, en);
  });
});
