import { createI18nWith, type Language } from '@heima/web-common/i18n';
import { en } from './resources/en';
import { nb } from './resources/nb';

/** This app's texts in a ready i18next instance. */
export const createI18n = (language?: Language) => createI18nWith({ nb, en }, language);
