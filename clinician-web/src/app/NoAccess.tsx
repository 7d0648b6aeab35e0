import { useTranslation } from 'react-i18next';
import { Link } from '../lib/router';

/** A page the person's roles do not open (e.g. administration for a clinician). */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t('noAccess.heading')}</h1>
      <p>{t('noAccess.body')}</p>
      <p>
        <Link to={{ name: 'home' }}>{t('noAccess.home')}</Link>
      </p>
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={{ name: 'home' }}>{t('noAccess.home')}</Link>
      </p>
    </div>
  );
}
