import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { dateTimeInOslo } from '../../../lib/dates';
import { fetchDraft, whatIf, type WhatIfAlert, type WhatIfResult } from '../api/pathways';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

export const WHAT_IF_DAYS = 30;

/** The submissions the draft judges differently: patient, time, value, today's and the draft's level. */
function AlertList(props: {
  alerts: WhatIfAlert[];
  total: number;
  titles: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const level = (value: WhatIfAlert['current']) => {
    const key = value.toLowerCase() as 'green' | 'yellow' | 'red';
    return <span className={`level level--${key}`}>{t(`levels.${key}.name`)}</span>;
  };
  if (props.alerts.length === 0) {
    return <p role="status">{t('whatIf.noChanges')}</p>;
  }
  return (
    <ScrollTable
      caption={
        props.total > props.alerts.length
          ? t('whatIf.alertsSome', { count: props.total, shown: props.alerts.length })
          : t('whatIf.alertsAll', { count: props.total })
      }
      captionHidden={false}
      columns={[
        t('whatIf.patient'),
        t('whatIf.time'),
        t('whatIf.activity'),
        t('whatIf.value'),
        t('whatIf.todayLevel'),
        t('whatIf.draftLevel'),
      ]}
    >
      {props.alerts.map((alert) => (
        <tr key={`${alert.patientId}-${alert.activityId}-${alert.at}`}>
          <th scope="row">{alert.patientName}</th>
          <td>
            <time dateTime={alert.at}>{dateTimeInOslo(alert.at, language)}</time>
          </td>
          <td>{props.titles[alert.activityId] ?? alert.activityId}</td>
          <td>{alert.value}</td>
          <td>{level(alert.current)}</td>
          <td>{level(alert.changed)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/**
 * Before publishing: how many yellow and red items the draft's rules would have raised over the
 * last 30 days of stored submissions, next to today's published rules, and which submissions
 * they judge differently.
 */
export function WhatIfSection(props: { pathwayId: string; latestVersion: number }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'running' }
    | { kind: 'done'; result: WhatIfResult; titles: Record<string, string> }
    | { kind: 'failed'; error: unknown }
  >({ kind: 'idle' });

  if (props.latestVersion === 0) return null;

  async function run() {
    setState({ kind: 'running' });
    try {
      const draft = await fetchDraft(props.pathwayId);
      const language = i18n.resolvedLanguage ?? i18n.language;
      const titles = Object.fromEntries(
        draft.activities.map((a) => [
          a.id,
          (language === 'en' ? a.titles?.en : a.titles?.nb) || a.title,
        ]),
      );
      const result = await whatIf(props.pathwayId, draft, WHAT_IF_DAYS);
      setState({ kind: 'done', result, titles });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('whatIf.heading')}</h2>
      <p className="muted">{t('whatIf.intro', { count: WHAT_IF_DAYS })}</p>
      <div>
        <button type="button" className="button" onClick={() => void run()}>
          {t('whatIf.run')}
        </button>
      </div>
      {state.kind === 'running' && <Loading />}
      {state.kind === 'failed' && <ErrorPanel error={state.error} onRetry={() => void run()} />}
      {state.kind === 'done' && (
        <table>
          <caption>
            {t('whatIf.caption', { count: state.result.carePlans, days: state.result.days })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('whatIf.rules')}</th>
              <th scope="col">{t('whatIf.yellow')}</th>
              <th scope="col">{t('whatIf.red')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('whatIf.today', { version: state.result.currentVersion })}</th>
              <td>{state.result.current.yellow}</td>
              <td>{state.result.current.red}</td>
            </tr>
            <tr>
              <th scope="row">{t('whatIf.draft')}</th>
              <td>{state.result.changed.yellow}</td>
              <td>{state.result.changed.red}</td>
            </tr>
          </tbody>
        </table>
      )}
      {state.kind === 'done' && state.result.alerts && (
        <AlertList
          alerts={state.result.alerts}
          total={state.result.alertsTotal ?? state.result.alerts.length}
          titles={state.titles}
        />
      )}
    </section>
  );
}
