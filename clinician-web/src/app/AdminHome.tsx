import { useTranslation } from 'react-i18next';
import { Link } from '../lib/router';

/** Where an administrator starts: the questionnaire library and the team's pathways. */
export function AdminHome() {
  const { t } = useTranslation();
  return (
    <div className="narrow stack">
      <h1>{t('admin.heading')}</h1>
      <p>{t('admin.body')}</p>
      <ul className="link-cards">
        <li className="card">
          <h2>
            <Link to={{ name: 'questionnaires' }}>{t('nav.questionnaires')}</Link>
          </h2>
          <p>{t('admin.questionnaires')}</p>
        </li>
        <li className="card">
          <h2>
            <Link to={{ name: 'pathways' }}>{t('nav.pathways')}</Link>
          </h2>
          <p>{t('admin.pathways')}</p>
        </li>
        <li className="card">
          <h2>
            <Link to={{ name: 'outbox' }}>{t('nav.outbox')}</Link>
          </h2>
          <p>{t('admin.outbox')}</p>
        </li>
        <li className="card">
          <h2>
            <Link to={{ name: 'audit' }}>{t('nav.audit')}</Link>
          </h2>
          <p>{t('admin.audit')}</p>
        </li>
        <li className="card">
          <h2>
            <Link to={{ name: 'exports' }}>{t('nav.exports')}</Link>
          </h2>
          <p>{t('admin.exports')}</p>
        </li>
        <li className="card">
          <h2>
            <Link to={{ name: 'forecast' }}>{t('nav.forecast')}</Link>
          </h2>
          <p>{t('admin.forecast')}</p>
        </li>
      </ul>
    </div>
  );
}
