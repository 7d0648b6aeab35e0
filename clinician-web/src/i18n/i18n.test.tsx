import { screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../features/language/components/LanguageSwitch';
import { renderWithProviders } from '../test/render';
import { LANGUAGE_STORAGE_KEY, createI18n, rememberedLanguage } from '.';
import { en } from './resources/en';
import { nb } from './resources/nb';

function Heading() {
  const { t } = useTranslation();
  return <h1>{t('welcome.heading')}</h1>;
}

describe('language switch', () => {
  it('starts in Norwegian and sets <html lang>', () => {
    renderWithProviders(
      <>
        <LanguageSwitch />
        <Heading />
      </>,
    );
    expect(screen.getByRole('heading', { name: 'Heima for helsepersonell' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('nb');
    expect(document.title).toBe('Heima – helsepersonell');
    expect(screen.getByRole('button', { name: 'Norsk bokmål' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('switches to English, updates <html lang> and remembers the choice', async () => {
    const { user } = renderWithProviders(
      <>
        <LanguageSwitch />
        <Heading />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(
      screen.getByRole('heading', { name: 'Heima for health professionals' }),
    ).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Heima – health professionals');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(rememberedLanguage()).toBe('en');
  });

  it('names each language in itself, marked with its own lang', () => {
    renderWithProviders(<LanguageSwitch />, { language: 'en' });
    expect(screen.getByRole('button', { name: 'Norsk bokmål' })).toHaveAttribute('lang', 'nb');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('lang', 'en');
  });

  it('starts in the remembered language on the next visit', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const i18n = createI18n();
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores a remembered value that is not a supported language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'sv');
    expect(rememberedLanguage()).toBe('nb');
  });
});

describe('translations', () => {
  function keys(value: object, prefix = ''): string[] {
    return Object.entries(value).flatMap(([key, child]) =>
      typeof child === 'object' && child !== null
        ? keys(child as object, `${prefix}${key}.`)
        : [`${prefix}${key}`],
    );
  }

  it('has the same keys in English as in Norwegian, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(nb).sort());
    const values = (resource: object, key: string) =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource);
    for (const key of keys(nb)) {
      expect(values(nb, key), key).not.toBe('');
      expect(values(en, key), key).not.toBe('');
    }
  });
});
