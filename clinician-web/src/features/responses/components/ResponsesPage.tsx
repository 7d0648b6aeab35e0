import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo } from '../../../lib/dates';
import { Link } from '../../../lib/router';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { usePatient } from '../../patients/hooks/usePatient';
import type { AnswerLine, Reason, ResponseDetail } from '../api/responses';
import { useResponse, useResponses } from '../hooks/useResponses';
import { AttachmentList } from './AttachmentList';
import { ResponseLevel } from './ResponseLevel';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

function PatientHeading({ patientId, suffix }: { patientId: string; suffix: string }) {
  const patient = usePatient(patientId);
  const name = patient.data ? `${patient.data.givenName} ${patient.data.familyName}` : '';
  return <h1>{name ? `${suffix}: ${name}` : suffix}</h1>;
}

/** A reason in words: "Svar på spørsmålet gir Gul", "Over gul høy (10)". */
function ReasonText({ reason }: { reason: Reason }) {
  const { t } = useTranslation();
  const key = reason.bound === 'answer' || reason.bound === 'combination' ? reason.bound : 'bound';
  return (
    <>
      {t(`responses.reason.${key}`, {
        bound: t(`responses.bounds.${reason.bound}`, { defaultValue: reason.bound }),
        value: reason.boundValue ?? '',
        level: t(`responses.level.${reason.level}`),
      })}
    </>
  );
}

function Answers({ detail }: { detail: ResponseDetail }) {
  const { t } = useTranslation();
  const compared = detail.previous !== null;
  const text = (values: string[]) => (values.length === 0 ? '–' : values.join(', '));
  return (
    <ScrollTable
      caption={t('responses.answersCaption')}
      className="responses-table"
      columns={[
        t('responses.question'),
        t('responses.answer'),
        ...(compared ? [t('responses.previousAnswer')] : []),
      ]}
    >
      {detail.answers.map((a: AnswerLine) => (
        <tr key={a.linkId} className={a.changed ? 'responses-table__changed' : undefined}>
          <th scope="row">{a.question}</th>
          <td>
            {(a.attachments ?? []).length > 0 ? (
              <AttachmentList question={a.question} attachments={a.attachments ?? []} />
            ) : (
              text(a.answer)
            )}
            {a.level && (
              <>
                {' '}
                <ResponseLevel level={a.level} />
              </>
            )}
            {a.changed && (
              <>
                {' '}
                <span className="state state--due">{t('responses.changed')}</span>
              </>
            )}
          </td>
          {compared && <td>{text(a.previous)}</td>}
        </tr>
      ))}
    </ScrollTable>
  );
}

function Detail({ patientId, responseId }: { patientId: string; responseId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const detail = useResponse(patientId, responseId);
  const scoresId = useId();
  const answersId = useId();
  if (detail.isPending) return <Loading />;
  if (detail.isError)
    return <ErrorPanel error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const changed = d.answers.filter((a) => a.changed).length;
  return (
    <article className="stack" aria-labelledby={`response-${d.id}`}>
      <h2 id={`response-${d.id}`}>
        {t('responses.detailHeading', {
          title: d.title,
          when: dateTimeInOslo(d.authored, language),
        })}
      </h2>
      <p>
        <ResponseLevel level={d.triage.level} />{' '}
        {!d.triage.assessed && <span className="muted">{t('responses.notAssessed')}</span>}
      </p>
      {d.triage.reasons.length > 0 && (
        <ul>
          {d.triage.reasons.map((r, i) => {
            const question = d.answers.find((a) => a.linkId === r.code)?.question;
            const score = d.scores.find((s) => s.linkId === r.code)?.label;
            const rule = r.bound === 'combination' ? d.rules?.[r.code] : undefined;
            return (
              <li key={i}>
                <strong>{question ?? score ?? rule ?? r.code}</strong>: <ReasonText reason={r} />
              </li>
            );
          })}
        </ul>
      )}
      <p>
        {d.previous
          ? t('responses.comparedWith', {
              when: dateTimeInOslo(d.previous.authored, language),
              count: changed,
            })
          : t('responses.first')}
      </p>
      {d.scores.length > 0 && (
        <section aria-labelledby={scoresId}>
          <h3 id={scoresId}>{t('responses.scores')}</h3>
          <ul>
            {d.scores.map((s) => (
              <li key={s.linkId}>
                {s.label}: <strong>{s.valueText ?? '–'}</strong>{' '}
                {s.level && <ResponseLevel level={s.level} />}
                {d.previous && (
                  <span className="muted">
                    {' '}
                    ({t('responses.before', { value: s.previousValueText ?? '–' })})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby={answersId}>
        <h3 id={answersId}>{t('responses.answers')}</h3>
        <Answers detail={d} />
      </section>
    </article>
  );
}

/**
 * A patient's questionnaire responses: the list (newest first) and, when one is chosen, what the
 * patient answered, in the viewer's language, next to the previous answers.
 */
export function ResponsesPage({
  patientId,
  responseId,
}: {
  patientId: string;
  responseId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const list = useResponses(patientId);
  const listId = useId();
  return (
    <div className="stack">
      <p>
        <Link to={{ name: 'patient', patientId }}>{t('responses.backToPatient')}</Link>
      </p>
      <PatientHeading patientId={patientId} suffix={t('responses.heading')} />
      {responseId && <Detail patientId={patientId} responseId={responseId} />}
      <section className="stack" aria-labelledby={listId}>
        <h2 id={listId}>{t('responses.all')}</h2>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <p className="list-status">{t('responses.empty')}</p>
        ) : (
          <ul className="responses-list">
            {list.data.map((r) => (
              <li key={r.id}>
                <Link
                  to={{ name: 'response', patientId, responseId: r.id }}
                  aria-current={r.id === responseId ? 'page' : undefined}
                >
                  {t('responses.listItem', {
                    title: r.title,
                    when: dateTimeInOslo(r.authored, language),
                  })}
                </Link>{' '}
                {r.assessed && <ResponseLevel level={r.level} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
