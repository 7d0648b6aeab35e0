import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/api/me';
import { OwnRecord } from './OwnRecord';

export function PatientHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('home.greeting', { name: me.name })}</h1>
      <p className="lead">{t('home.intro')}</p>
      <OwnRecord />
    </div>
  );
}
