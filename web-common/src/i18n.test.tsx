import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { LANGUAGE_STORAGE_KEY, createI18nWith, rememberedLanguage, type Language } from './i18n';
import { LanguageSwitch } from './ui/LanguageSwitch';

const texts = {
  nb: {
    app: { documentTitle: 'Heima – test' },
    language: { label: 'Språk' },
    welcome: { heading: 'Hei' },
  },
  en: {
    app: { documentTitle: 'Heima – test (en)' },
    language: { label: 'Language' },
    welcome: { heading: 'Hello' },
  },
};

function Hello() {
  const { t } = useTranslation();
  return <h1>{t('welcome.heading')}</h1>;
}

function renderSwitch(language?: Language) {
  const i18n = createI18nWith(texts, language);
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <LanguageSwitch />
      <Hello />
    </I18nextProvider>,
  );
  return { i18n, user };
}

describe('language switch', () => {
  it('starts in Norwegian and sets <html lang> and the title', () => {
    renderSwitch();
    expect(screen.getByRole('heading', { name: 'Hei' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('nb');
    expect(document.title).toBe('Heima – test');
    expect(screen.getByRole('button', { name: 'Norsk bokmål' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('switches to English, updates <html lang> and remembers the choice', async () => {
    const { user } = renderSwitch();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Hello' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Heima – test (en)');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(rememberedLanguage()).toBe('en');
  });

  it('names each language in itself, marked with its own lang', () => {
    renderSwitch('en');
    expect(screen.getByRole('button', { name: 'Norsk bokmål' })).toHaveAttribute('lang', 'nb');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('lang', 'en');
  });

  it('starts in the remembered language on the next visit', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const i18n = createI18nWith(texts);
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores a remembered value that is not a supported language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'sv');
    expect(rememberedLanguage()).toBe('nb');
  });
});
