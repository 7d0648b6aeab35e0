import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo } from '../../../lib/dates';
import { ProblemError } from '@heima/web-common/problem';
import { errorMessage } from '@heima/web-common/problemMessages';
import { Link } from '../../../lib/router';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { emptyForm, fromDefinition } from '../api/pathwayForm';
import type { PathwaySummary } from '../api/pathways';
import { useDraft, usePathway, usePublishPathway, useSaveDraft } from '../hooks/usePathways';
import { pathwayErrorMessage } from '../hooks/usePathwayErrorMessage';
import { PathwayEditor } from './PathwayEditor';
import { SchedulePreviewSection } from './SchedulePreviewSection';
import { WhatIfSection } from './WhatIfSection';
import { VersionsTable } from './VersionsTable';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';

function PublishPanel({ pathway }: { pathway: PathwaySummary }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const publish = usePublishPathway(pathway.id);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const next = pathway.latestVersion + 1;

  const failure = publish.error;
  const fieldErrors = failure instanceof ProblemError ? (failure.problem.errors ?? []) : [];

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('publish.heading')}</h2>
      <p>
        {pathway.hasDraft
          ? t('publish.draftWaiting', { version: next })
          : pathway.latestVersion > 0
            ? t('publish.upToDate', { version: pathway.latestVersion })
            : t('publish.nothing')}
      </p>
      <Button
        type="button"
        aria-disabled={!pathway.hasDraft || publish.isPending}
        onClick={() => {
          if (pathway.hasDraft && !publish.isPending) publish.mutate();
        }}
      >
        {publish.isPending ? t('publish.publishing') : t('publish.button', { version: next })}
      </Button>
      {publish.isSuccess && (
        <NotificationPanel variant="success" role="status">
          {t('publish.done', {
            version: publish.data.version,
            at: dateTimeInOslo(publish.data.publishedAt, language),
          })}
        </NotificationPanel>
      )}
      {publish.isError && (
        <NotificationPanel variant="error" role="alert">
          <p>{errorMessage(i18n, failure)}</p>
          {fieldErrors.length > 0 && (
            <ul>
              {fieldErrors.map((error, index) => (
                <li key={`${error.field}-${index}`}>
                  {pathwayErrorMessage(i18n, error, emptyForm(), { withPlace: true })}
                </li>
              ))}
            </ul>
          )}
        </NotificationPanel>
      )}
    </section>
  );
}

function DraftEditor({ pathwayId }: { pathwayId: string }) {
  const { t } = useTranslation();
  const draft = useDraft(pathwayId);
  const save = useSaveDraft(pathwayId);
  const headingId = useId();
  if (draft.isPending) return <Loading />;
  if (draft.isError) return <ErrorPanel error={draft.error} onRetry={() => void draft.refetch()} />;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('pathwayEditor.editHeading')}</h2>
      <p className="muted">{t('pathwayEditor.editIntro')}</p>
      <PathwayEditor
        initial={fromDefinition(draft.data)}
        submitLabel={t('pathwayEditor.save')}
        submittingLabel={t('pathwayEditor.saving')}
        savedMessage={t('pathwayEditor.saved')}
        headingLevel={3}
        onSave={(definition) => save.mutateAsync(definition)}
      />
    </section>
  );
}

/** One pathway: its facts, publishing, the draft editor, the schedule preview and the versions. */
export function PathwayPage({ pathwayId }: { pathwayId: string }) {
  const { t, i18n } = useTranslation();
  const pathway = usePathway(pathwayId);
  const [previewVersion, setPreviewVersion] = useState<number | null>(null);
  const language = i18n.resolvedLanguage ?? i18n.language;

  if (pathway.isPending) return <Loading />;
  if (pathway.isError)
    return <ErrorPanel error={pathway.error} onRetry={() => void pathway.refetch()} />;
  const summary = pathway.data;

  return (
    <div className="stack">
      <p>
        <Link to={{ name: 'pathways' }}>{t('pathways.back')}</Link>
      </p>
      <h1>{summary.name}</h1>
      <dl className="facts">
        <div>
          <dt>{t('pathways.team')}</dt>
          <dd>{summary.team}</dd>
        </div>
        <div>
          <dt>{t('pathways.latestVersion')}</dt>
          <dd>
            {summary.latestVersion > 0
              ? t('pathways.version', { version: summary.latestVersion })
              : t('pathways.notPublished')}
          </dd>
        </div>
        <div>
          <dt>{t('pathways.draft')}</dt>
          <dd>{summary.hasDraft ? t('pathways.hasDraft') : t('pathways.noDraft')}</dd>
        </div>
        <div>
          <dt>{t('pathways.createdAt')}</dt>
          <dd>{dateTimeInOslo(summary.createdAt, language)}</dd>
        </div>
      </dl>
      <PublishPanel pathway={summary} />
      <SchedulePreviewSection
        pathwayId={pathwayId}
        latestVersion={summary.latestVersion}
        version={previewVersion}
        onVersion={setPreviewVersion}
      />
      <WhatIfSection pathwayId={pathwayId} latestVersion={summary.latestVersion} />
      <VersionsTable
        pathwayId={pathwayId}
        latestVersion={summary.latestVersion}
        onPreview={(version) => {
          setPreviewVersion(version);
          document.getElementById('preview-version')?.focus();
        }}
      />
      <DraftEditor pathwayId={pathwayId} />
    </div>
  );
}
