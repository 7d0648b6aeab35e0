import { useTranslation } from 'react-i18next';

/** Administration is not built yet; this says so rather than pretending. */
export function AdminPlaceholder() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t('admin.heading')}</h1>
      <p>{t('admin.body')}</p>
    </div>
  );
}
