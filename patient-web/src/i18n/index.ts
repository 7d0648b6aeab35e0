import type { i18n as I18n } from 'i18next';
import { createI18nWith, type Language } from '@heima/web-common/i18n';
import { en } from './resources/en';
import { nb } from './resources/nb';

export {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  LANGUAGE_NAMES,
  chooseLanguage,
  isLanguage,
  type Language,
} from '@heima/web-common/i18n';

/** This app's texts in a ready i18next instance (see web-common's createI18nWith). */
export function createI18n(language?: Language): I18n {
  return createI18nWith({ nb, en }, language);
}
