import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../ui/forms/FormFields';

/** Where the summary PDF of a period is fetched (the server checks team and audits). */
export function summaryUrl(patientId: string, language: string, from: string, to: string): string {
  const query = new URLSearchParams({ lang: language === 'en' ? 'en' : 'nb' });
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  return `/api/patients/${encodeURIComponent(patientId)}/summary.pdf?${query.toString()}`;
}

/**
 * Download a readable summary for the patient record. Without a start day the summary
 * begins where the team's last one ended.
 */
export function SummaryDownload({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const fromId = useId();
  const toId = useId();
  const languageId = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [language, setLanguage] = useState(
    (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'nb',
  );
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reports.heading')}</h2>
      <p>{t('reports.intro')}</p>
      <div className="form">
        <TextField
          id={`${fromId}-from`}
          label={t('reports.from')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          id={`${toId}-to`}
          label={t('reports.to')}
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <SelectField
          id={`${languageId}-language`}
          label={t('reports.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
        >
          <option value="nb">{t('reports.nb')}</option>
          <option value="en">{t('reports.en')}</option>
        </SelectField>
      </div>
      <p>
        <a
          className="button button--primary"
          href={summaryUrl(patientId, language, from, to)}
          download
        >
          {t('reports.download')}
        </a>
      </p>
    </section>
  );
}
