import { useTranslation } from 'react-i18next';

export function NotRegistered() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="not-registered-heading">
      <h2 id="not-registered-heading">{t('notRegistered.heading')}</h2>
      <p>{t('notRegistered.body')}</p>
      <p>{t('notRegistered.next')}</p>
    </section>
  );
}
