import { useTranslation } from 'react-i18next';
import type { Me } from '@heima/web-common/auth/me';

export function NotClinician({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t('notClinician.heading')}</h1>
      <p>{t('notClinician.body', { name: me.name })}</p>
      {me.roles.includes('PATIENT') && (
        <p>
          <a href="/patient/">{t('notClinician.patientLink')}</a>
        </p>
      )}
    </div>
  );
}
