import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../lib/dates';
import { SelectField, TextField } from '../../../ui/forms/FormFields';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { useSchedulePreview } from '../hooks/usePathways';
import { SchedulePreviewTable } from './SchedulePreviewTable';

export const PREVIEW_DAYS = 30;

/**
 * What a patient starting on a chosen day would be asked to do in the first 30 days, for the
 * draft or a published version.
 */
export function SchedulePreviewSection(props: {
  pathwayId: string;
  latestVersion: number;
  /** A published version to show, or null for the draft (else the latest version). */
  version: number | null;
  onVersion: (version: number | null) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [start, setStart] = useState(() => todayInOslo());
  const preview = useSchedulePreview(props.pathwayId, {
    start,
    days: PREVIEW_DAYS,
    version: props.version ?? undefined,
  });
  const versions = Array.from({ length: props.latestVersion }, (_, i) => props.latestVersion - i);

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('preview.heading', { count: PREVIEW_DAYS })}</h2>
      <p className="muted">{t('preview.intro')}</p>
      <div className="form-grid">
        <TextField
          id="preview-start"
          type="date"
          label={t('preview.start')}
          value={start}
          onChange={(event) => setStart(event.target.value)}
        />
        <SelectField
          id="preview-version"
          label={t('preview.version')}
          value={props.version === null ? 'draft' : String(props.version)}
          onChange={(event) =>
            props.onVersion(event.target.value === 'draft' ? null : Number(event.target.value))
          }
        >
          <option value="draft">{t('preview.draft')}</option>
          {versions.map((version) => (
            <option key={version} value={version}>
              {t('pathways.version', { version })}
            </option>
          ))}
        </SelectField>
      </div>
      {preview.isPending ? (
        <Loading label={t('preview.loading')} />
      ) : preview.isError ? (
        <ErrorPanel error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <SchedulePreviewTable days={preview.data} total={PREVIEW_DAYS} busy={preview.isFetching} />
      )}
    </section>
  );
}
