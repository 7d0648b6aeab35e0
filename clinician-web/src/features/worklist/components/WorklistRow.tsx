import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo, relativeTime } from '../../../lib/dates';
import { ProblemType, hasProblemType } from '@heima/web-common/problem';
import { errorMessage } from '@heima/web-common/problemMessages';
import { Link } from '../../../lib/router';
import type { Me } from '@heima/web-common/auth/me';
import { itemText } from '../api/itemText';
import type { WorklistItem } from '../api/worklist';
import { useAssign } from '../hooks/useCaseload';
import { useChangeItem } from '../hooks/useWorklist';
import { AssignForm, EscalateToForm } from './AssignForms';
import { LevelBadge } from './LevelBadge';
import { ResolveForm } from './ResolveForm';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';

const STATE_CONFLICT = ProblemType.stateConflict;

type Open = 'none' | 'escalate' | 'resolve' | 'assign';

/** One item: who, how bad, what, since when, by when, who has it; and what can be done. */
export function WorklistRow({ item, me, now }: { item: WorklistItem; me: Me; now: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const change = useChangeItem(item.id);
  const assign = useAssign(item.id);
  const [open, setOpen] = useState<Open>('none');
  const mine = item.status === 'IN_PROGRESS' && item.assigneeSubject === me.subject;

  const failure = assign.isError
    ? hasProblemType(assign.error, ProblemType.notTeamMember)
      ? t('caseload.assign.notTeamMember')
      : hasProblemType(assign.error, STATE_CONFLICT)
        ? t('worklist.stateConflict')
        : errorMessage(i18n, assign.error)
    : change.isError
      ? hasProblemType(change.error, STATE_CONFLICT) && change.variables?.kind === 'take'
        ? t('worklist.takeConflict')
        : hasProblemType(change.error, ProblemType.validation)
          ? t('problem.validation')
          : hasProblemType(change.error, STATE_CONFLICT)
            ? t('worklist.stateConflict')
            : errorMessage(i18n, change.error)
      : null;

  return (
    <li className={`wl-item wl-item--${item.level.toLowerCase()}`}>
      <article aria-labelledby={`wl-${item.id}`}>
        <div className="wl-item__top">
          <LevelBadge level={item.level} />
          <h2 id={`wl-${item.id}`} className="wl-item__patient">
            <Link to={{ name: 'patient', patientId: item.patientId }}>{item.patientName}</Link>
          </h2>
        </div>
        {item.kind === 'UNASSESSED' && (
          <p className="wl-item__kind">
            <strong>{t('worklist.kind.UNASSESSED')}</strong>
          </p>
        )}
        <p className="wl-item__summary">{itemText(item, t, language)}</p>
        {item.kind === 'MESSAGE' && (
          <p>
            <Link to={{ name: 'messages', patientId: item.patientId }}>
              {t('worklist.openConversation')}
              <span className="visually-hidden">: {item.patientName}</span>
            </Link>
          </p>
        )}
        {item.kind === 'RESPONSE' && (
          <p>
            <Link to={{ name: 'response', patientId: item.patientId, responseId: item.sourceKey }}>
              {t('responses.open')}
              <span className="visually-hidden">: {item.patientName}</span>
            </Link>
          </p>
        )}
        <dl className="wl-facts">
          <div>
            <dt>{t('worklist.raised')}</dt>
            <dd>
              <time dateTime={item.raisedAt} title={dateTimeInOslo(item.raisedAt, language)}>
                {relativeTime(item.raisedAt, language, now)}
              </time>
            </dd>
          </div>
          {item.dueAt && (
            <div>
              <dt>{t('worklist.due')}</dt>
              <dd>
                <time dateTime={item.dueAt}>{dateTimeInOslo(item.dueAt, language)}</time>
                {item.overdue && (
                  <>
                    {' '}
                    <span className="state state--missed">{t('worklist.overdue')}</span>
                  </>
                )}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('worklist.statusLabel')}</dt>
            <dd>
              {item.status === 'OPEN'
                ? t('worklist.status.OPEN')
                : t('worklist.status.takenBy', {
                    name: mine ? t('worklist.you') : (item.assigneeName ?? ''),
                  })}
              {item.escalatedAt && (
                <>
                  {' '}
                  <span className="state state--missed">{t('worklist.escalated')}</span>
                </>
              )}
            </dd>
          </div>
          {item.escalatedAt && (item.escalatedToName || item.escalatedToRole) && (
            <div>
              <dt>{t('caseload.escalate.toLabel')}</dt>
              <dd>{[item.escalatedToName, item.escalatedToRole].filter(Boolean).join(', ')}</dd>
            </div>
          )}
          {item.escalatedAt && item.note && (
            <div>
              <dt>{t('worklist.escalationNote')}</dt>
              <dd>{item.note}</dd>
            </div>
          )}
        </dl>
        {failure && (
          <NotificationPanel variant="error" role="alert">
            {failure}
          </NotificationPanel>
        )}
        {open === 'none' && (
          <div className="button-row">
            {item.status === 'OPEN' && (
              <Button
                type="button"
                disabled={change.isPending}
                onClick={() => change.mutate({ kind: 'take' })}
              >
                {t('worklist.take')}
                <span className="visually-hidden">: {item.patientName}</span>
              </Button>
            )}
            {mine && (
              <>
                <Button type="button" onClick={() => setOpen('resolve')}>
                  {t('worklist.resolve.open')}
                  <span className="visually-hidden">: {item.patientName}</span>
                </Button>
                <Button type="button" variant="outline" onClick={() => setOpen('escalate')}>
                  {t('worklist.escalate.open')}
                  <span className="visually-hidden">: {item.patientName}</span>
                </Button>
              </>
            )}
            {item.status !== 'RESOLVED' && (
              <Button type="button" variant="outline" onClick={() => setOpen('assign')}>
                {t('caseload.assign.open')}
                <span className="visually-hidden">: {item.patientName}</span>
              </Button>
            )}
          </div>
        )}
        {open === 'resolve' && (
          <ResolveForm
            busy={change.isPending}
            onCancel={() => setOpen('none')}
            onSubmit={(resolution) =>
              change.mutate({ kind: 'resolve', resolution }, { onSuccess: () => setOpen('none') })
            }
          />
        )}
        {open === 'escalate' && (
          <EscalateToForm
            team={item.team}
            me={me.subject}
            busy={assign.isPending}
            onCancel={() => setOpen('none')}
            onSubmit={(escalation) =>
              assign.mutate({ kind: 'escalate', escalation }, { onSuccess: () => setOpen('none') })
            }
          />
        )}
        {open === 'assign' && (
          <AssignForm
            team={item.team}
            me={me.subject}
            busy={assign.isPending}
            onCancel={() => setOpen('none')}
            onSubmit={(subject) =>
              assign.mutate({ kind: 'assign', subject }, { onSuccess: () => setOpen('none') })
            }
          />
        )}
      </article>
    </li>
  );
}
