import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../lib/router';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { titleIn } from '../api/questionnaires';
import { useQuestionnaires } from '../hooks/useQuestionnaires';
import { ImportQuestionnaireForm } from './ImportQuestionnaireForm';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

/** The questionnaire library: every imported version, and the import. */
export function QuestionnaireLibrary() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const library = useQuestionnaires();
  const language = i18n.resolvedLanguage ?? i18n.language;

  return (
    <div className="stack">
      <h1>{t('questionnaires.heading')}</h1>
      <p>{t('questionnaires.intro')}</p>
      <div className="library-layout">
        <section className="card stack" aria-labelledby={headingId}>
          <h2 id={headingId}>{t('questionnaires.listHeading')}</h2>
          {library.isPending ? (
            <Loading label={t('questionnaires.loading')} />
          ) : library.isError ? (
            <ErrorPanel error={library.error} onRetry={() => void library.refetch()} />
          ) : library.data.length === 0 ? (
            <p className="list-status">{t('questionnaires.empty')}</p>
          ) : (
            <ScrollTable
              caption={t('questionnaires.caption')}
              columns={[
                t('questionnaires.title'),
                t('questionnaires.version'),
                t('questionnaires.status'),
                t('questionnaires.retired'),
                t('questionnaires.url'),
              ]}
            >
              {library.data.map((q) => (
                <tr key={q.id}>
                  <th scope="row">
                    <Link to={{ name: 'questionnaire', questionnaireId: q.id }}>
                      {titleIn(q, language)}
                    </Link>
                  </th>
                  <td className="numeric">{q.version}</td>
                  <td>{t(`questionnaires.statuses.${statusKey(q.status)}`)}</td>
                  <td>{q.retired ? t('questionnaires.yes') : t('questionnaires.no')}</td>
                  <td className="url">{q.url}</td>
                </tr>
              ))}
            </ScrollTable>
          )}
        </section>
        <ImportQuestionnaireForm />
      </div>
    </div>
  );
}

const STATUSES = ['active', 'draft', 'retired', 'unknown'] as const;

export function statusKey(status: string): (typeof STATUSES)[number] {
  return (STATUSES as readonly string[]).includes(status)
    ? (status as (typeof STATUSES)[number])
    : 'unknown';
}
