import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import { Link } from '../../../lib/router';
import type { Patient } from '../api/patients';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

export function PatientTable({ patients, busy }: { patients: Patient[]; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <ScrollTable
      caption={t('patients.caption')}
      columns={[
        t('patients.name'),
        t('patients.birthDate'),
        t('patients.identifier'),
        t('patients.team'),
      ]}
      busy={busy}
    >
      {patients.map((patient) => (
        <tr key={patient.id}>
          <th scope="row">
            <Link to={{ name: 'patient', patientId: patient.id }}>
              {patient.givenName} {patient.familyName}
            </Link>
          </th>
          <td>{formatDate(patient.birthDate, language, 'short')}</td>
          <td className="numeric">
            {patient.identifier.value}
            {patient.identifier.kind === 'DNR' && <span className="tag">{t('patients.dnr')}</span>}
          </td>
          <td>{patient.teams.join(', ')}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
