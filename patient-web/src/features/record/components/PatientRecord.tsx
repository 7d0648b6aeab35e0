import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import type { Patient } from '../api/ownPatient';

/** Each language the backend accepts as preferred, named in itself. */
const PREFERRED_LANGUAGE_NAMES: Record<string, string> = {
  nb: 'Norsk bokmål',
  nn: 'Norsk nynorsk',
  en: 'English',
  se: 'Davvisámegiella',
};

/** Only the last five digits are shown: the birth date is already on the page. */
function MaskedIdentifier({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">•••••• </span>
      <span className="visually-hidden">{t('record.endsWith')} </span>
      {value.slice(-5)}
    </>
  );
}

function Optional({ value }: { value: string | null }) {
  const { t } = useTranslation();
  return value === null || value === '' ? (
    <span className="muted">{t('common.notGiven')}</span>
  ) : (
    <>{value}</>
  );
}

export function PatientRecord({ patient }: { patient: Patient }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const preferred = patient.preferredLanguage;
  return (
    <section className="card" aria-labelledby="record-heading">
      <h2 id="record-heading">{t('record.heading')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('record.name')}</dt>
          <dd>
            {patient.givenName} {patient.familyName}
          </dd>
        </div>
        <div>
          <dt>{t('record.birthDate')}</dt>
          <dd>{formatDate(patient.birthDate, language, 'long')}</dd>
        </div>
        <div>
          <dt>{patient.identifier.kind === 'DNR' ? t('record.dnr') : t('record.fnr')}</dt>
          <dd>
            <MaskedIdentifier value={patient.identifier.value} />
          </dd>
        </div>
        {patient.teams.length > 0 && (
          <div>
            <dt>{t('record.teams')}</dt>
            <dd>{patient.teams.join(', ')}</dd>
          </div>
        )}
      </dl>
      <h3>{t('record.contactHeading')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('record.phone')}</dt>
          <dd>
            <Optional value={patient.phone} />
          </dd>
        </div>
        <div>
          <dt>{t('record.email')}</dt>
          <dd className="break">
            <Optional value={patient.email} />
          </dd>
        </div>
        <div>
          <dt>{t('record.preferredLanguage')}</dt>
          <dd>
            {PREFERRED_LANGUAGE_NAMES[preferred] !== undefined ? (
              <span lang={preferred}>{PREFERRED_LANGUAGE_NAMES[preferred]}</span>
            ) : (
              <Optional value={preferred} />
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
