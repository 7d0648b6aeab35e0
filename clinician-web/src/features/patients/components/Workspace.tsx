import { useTranslation } from 'react-i18next';
import type { Me } from '@heima/web-common/auth/me';
import { PatientList } from './PatientList';
import { RegisterPatientForm } from './RegisterPatientForm';

export function Workspace({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <div className="workspace">
      <div className="workspace__intro">
        <h1>{t('workspace.heading')}</h1>
        <p>{t('workspace.intro')}</p>
      </div>
      <div className="workspace__list">
        <PatientList />
      </div>
      <div className="workspace__register">
        <RegisterPatientForm teams={me.teams} />
      </div>
    </div>
  );
}
