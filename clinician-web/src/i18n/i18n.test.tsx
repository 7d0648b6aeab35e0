import { describeAppTexts } from '@heima/web-common/test/translations';
import { createI18n } from '.';
import { en } from './resources/en';
import { nb } from './resources/nb';

describeAppTexts({ nb, en }, createI18n, {
  nb: { heading: 'Heima for helsepersonell', title: 'Heima – helsepersonell' },
  en: { heading: 'Heima for health professionals', title: 'Heima – health professionals' },
});
