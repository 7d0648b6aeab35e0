import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import { Link } from '../../../lib/router';
import type { Patient } from '../api/patients';

export function PatientTable({ patients, busy }: { patients: Patient[]; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    // Focusable so keyboard users can scroll it sideways on a narrow screen.
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table" aria-busy={busy}>
        <caption id={captionId} className="visually-hidden">
          {t('patients.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('patients.name')}</th>
            <th scope="col">{t('patients.birthDate')}</th>
            <th scope="col">{t('patients.identifier')}</th>
            <th scope="col">{t('patients.team')}</th>
          </tr>
        </thead>
        <tbody>
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
                {patient.identifier.kind === 'DNR' && (
                  <span className="tag">{t('patients.dnr')}</span>
                )}
              </td>
              <td>{patient.teams.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
