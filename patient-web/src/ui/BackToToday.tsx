import { useTranslation } from 'react-i18next';
import { href } from '../lib/router';

/** The way back to today's tasks that ends every page but Today itself. */
export function BackToToday() {
  const { t } = useTranslation();
  return (
    <p>
      <a href={href({ name: 'today' })}>{t('nav.backToToday')}</a>
    </p>
  );
}
