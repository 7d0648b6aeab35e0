import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';
export const LANGUAGE_STORAGE_KEY = 'heima.language';

/** Each language named in itself, as language pickers should show them. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  nb: 'Norsk bokmål',
  en: 'English',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the person chose last time on this device, else Norwegian. */
export function rememberedLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage can be blocked; the default will do
  }
}

/** Switches language and remembers the choice for the next visit. */
export async function chooseLanguage(i18n: I18n, language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, but still switched.
  }
  await i18n.changeLanguage(language);
}

/**
 * A ready i18next instance over an app's texts (`{ nb: {...}, en: {...} }`); keeps `<html lang>`
 * and the document title (`app.documentTitle`) in step with it.
 */
export function createI18nWith(
  texts: Record<Language, Resource[string][string]>,
  language: Language = rememberedLanguage(),
): I18n {
  const instance = i18next.createInstance();
  const syncDocument = () => {
    document.documentElement.lang = instance.resolvedLanguage ?? instance.language;
    document.title = instance.t('app.documentTitle');
  };
  instance.on('initialized', syncDocument);
  instance.on('languageChanged', syncDocument);
  void instance.use(initReactI18next).init({
    resources: { nb: { translation: texts.nb }, en: { translation: texts.en } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return instance;
}
