import { useTranslation } from 'react-i18next';
import type { Me } from '@heima/web-common/auth/me';

export function NotPatient({ me }: { me: Me }) {
  const { t } = useTranslation();
  const isStaff = me.roles.includes('CLINICIAN') || me.roles.includes('ADMIN');
  return (
    <div>
      <h1>{t('notPatient.heading')}</h1>
      <p>{t('notPatient.body', { name: me.name })}</p>
      {isStaff && (
        <p>
          <a href="/clinician/">{t('notPatient.clinicianLink')}</a>
        </p>
      )}
    </div>
  );
}
