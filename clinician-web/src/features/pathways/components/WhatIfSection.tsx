import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel, Loading } from '../../layout/components/Status';
import { fetchDraft, whatIf, type WhatIfResult } from '../api/pathways';

export const WHAT_IF_DAYS = 30;

/**
 * Before publishing: how many yellow and red items the draft's rules would have raised over the
 * last 30 days of stored submissions, next to today's published rules.
 */
export function WhatIfSection(props: { pathwayId: string; latestVersion: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'running' }
    | { kind: 'done'; result: WhatIfResult }
    | { kind: 'failed'; error: unknown }
  >({ kind: 'idle' });

  if (props.latestVersion === 0) return null;

  async function run() {
    setState({ kind: 'running' });
    try {
      const draft = await fetchDraft(props.pathwayId);
      setState({ kind: 'done', result: await whatIf(props.pathwayId, draft, WHAT_IF_DAYS) });
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
    </section>
  );
}
