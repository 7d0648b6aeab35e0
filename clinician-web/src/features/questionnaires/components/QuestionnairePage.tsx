import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo } from '../../../lib/dates';
import { Link } from '../../../lib/router';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { titleIn, type QuestionnaireVersion } from '../api/questionnaires';
import {
  useQuestionnaire,
  useQuestionnaires,
  useRetireQuestionnaire,
} from '../hooks/useQuestionnaires';
import { statusKey } from './QuestionnaireLibrary';
import { QuestionnairePreview } from './QuestionnairePreview';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';

/** Retiring asks once more: a retired version can no longer be chosen for new pathways. */
function RetirePanel({ version }: { version: QuestionnaireVersion }) {
  const { t } = useTranslation();
  const headingId = useId();
  const retire = useRetireQuestionnaire();
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('questionnaireRetire.heading')}</h2>
      {version.retired ? (
        <p>{t('questionnaireRetire.already')}</p>
      ) : (
        <>
          <p>{t('questionnaireRetire.explain')}</p>
          {confirming ? (
            <div className="button-row">
              <Button
                type="button"
                aria-disabled={retire.isPending}
                onClick={() => {
                  if (!retire.isPending)
                    retire.mutate(version.id, { onSuccess: () => setConfirming(false) });
                }}
              >
                {t('questionnaireRetire.confirm', { version: version.version })}
              </Button>
              <Button type="button" variant="outline" onClick={() => setConfirming(false)}>
                {t('questionnaireRetire.cancel')}
              </Button>
            </div>
          ) : (
            <Button type="button" variant="outline" onClick={() => setConfirming(true)}>
              {t('questionnaireRetire.button')}
            </Button>
          )}
        </>
      )}
      {retire.isSuccess && (
        <NotificationPanel variant="success" role="status">
          {t('questionnaireRetire.done')}
        </NotificationPanel>
      )}
      {retire.isError && <ErrorPanel error={retire.error} />}
    </section>
  );
}

/** One questionnaire version: its facts, a rendered preview, and retiring it. */
export function QuestionnairePage({ questionnaireId }: { questionnaireId: string }) {
  const { t, i18n } = useTranslation();
  const library = useQuestionnaires();
  const content = useQuestionnaire(questionnaireId);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const version = library.data?.find((v) => v.id === questionnaireId);

  return (
    <div className="stack">
      <p>
        <Link to={{ name: 'questionnaires' }}>{t('questionnaires.back')}</Link>
      </p>
      {content.isPending || library.isPending ? (
        <Loading />
      ) : content.isError ? (
        <>
          <h1>{t('questionnaires.unknown')}</h1>
          <ErrorPanel error={content.error} onRetry={() => void content.refetch()} />
        </>
      ) : (
        <>
          <h1>{version ? titleIn(version, language) : (content.data.title ?? content.data.url)}</h1>
          <dl className="facts">
            <div>
              <dt>{t('questionnaires.url')}</dt>
              <dd className="url">{content.data.url}</dd>
            </div>
            <div>
              <dt>{t('questionnaires.version')}</dt>
              <dd>{content.data.version}</dd>
            </div>
            <div>
              <dt>{t('questionnaires.status')}</dt>
              <dd>
                {t(`questionnaires.statuses.${statusKey(version?.status ?? content.data.status)}`)}
              </dd>
            </div>
            <div>
              <dt>{t('questionnaires.retired')}</dt>
              <dd>{version?.retired ? t('questionnaires.yes') : t('questionnaires.no')}</dd>
            </div>
            {version?.importedAt && (
              <div>
                <dt>{t('questionnaires.importedAt')}</dt>
                <dd>{dateTimeInOslo(version.importedAt, language)}</dd>
              </div>
            )}
          </dl>
          <QuestionnairePreview questionnaire={content.data} />
          {version && <RetirePanel version={version} />}
        </>
      )}
    </div>
  );
}
