import { describeAppTexts } from '@heima/web-common/test/translations';
import { createI18n } from '.';
import { en } from './resources/en';
import { nb } from './resources/nb';

describeAppTexts({ nb, en }, createI18n, {
  nb: { heading: 'Velkommen til Heima', title: 'Heima – pasient' },
  en: { heading: 'Welcome to Heima', title: 'Heima – patient' },
});
