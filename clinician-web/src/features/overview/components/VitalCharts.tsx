import { Suspense, lazy, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeInOslo } from '../../../lib/dates';
import type { CarePlan } from '../../careplans/api/carePlans';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import type { PublishedPathway, Threshold } from '../../pathways/api/pathways';
import { componentKey, vitalInfo, displayUnit, type Vital } from '../../pathways/api/vitals';
import { bandRegions } from '@heima/web-common/charts/bands';
import { series, type Measurement } from '../api/measurements';
import { useMeasurements, usePlanPathways } from '../hooks/useOverview';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

const BandChart = lazy(() => import('../../../ui/BandChart'));

const BOUND_KEYS = ['redLow', 'yellowLow', 'yellowHigh', 'redHigh'] as const;

export interface Bounds {
  threshold: Threshold | undefined;
  personal: boolean;
}

/** The bounds in force for a vital component: the plan's personal ones, else the pathway's. */
export function currentBounds(
  plans: CarePlan[],
  pathways: Map<string, PublishedPathway>,
  vital: Vital,
  code: string,
): Bounds {
  for (const plan of plans.filter((p) => p.status !== 'ENDED')) {
    const activity = pathways
      .get(plan.id)
      ?.definition.activities.find((a) => a.type === 'MEASUREMENT' && a.vital === vital);
    if (activity === undefined) continue;
    const personal = plan.personalThresholds.find(
      (p) => p.activityId === activity.id && p.threshold.code === code,
    );
    if (personal) return { threshold: personal.threshold, personal: true };
    return { threshold: activity.thresholds.find((th) => th.code === code), personal: false };
  }
  return { threshold: undefined, personal: false };
}

/**
 * One series over time with the yellow and red bands of its bounds behind it, a caption that says
 * the bounds and whose they are, and the same values as a table: used for vitals and for scores.
 */
export function BandFigure({
  name,
  unit,
  points,
  bounds,
}: {
  name: string;
  unit: string;
  points: { x: number[]; y: number[] };
  bounds: Bounds;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const drawn = useMemo(() => bandRegions(bounds.threshold), [bounds.threshold]);
  if (points.x.length === 0) return null;
  const boundText = BOUND_KEYS.flatMap((key) => {
    const value = bounds.threshold?.[key];
    return value == null ? [] : [`${t(`overview.bound.${key}`).toLowerCase()} ${value}`];
  }).join(', ');
  const heading = unit ? `${name} (${unit})` : name;

  return (
    <figure className="vital-chart">
      <figcaption>
        <strong>{name}</strong>
        {boundText && (
          <>
            {' – '}
            {t('overview.bands', { bounds: boundText })} (
            {bounds.personal ? t('overview.personalBounds') : t('overview.pathwayBounds')})
          </>
        )}
      </figcaption>
      <div role="img" aria-label={t('overview.chartLabel', { vital: name })}>
        <Suspense fallback={<Loading />}>
          <BandChart
            x={points.x}
            y={points.y}
            bands={drawn}
            label={name}
            unit={unit}
            language={language}
          />
        </Suspense>
      </div>
      <details>
        <summary>{t('overview.tableCaption', { vital: name })}</summary>
        <ScrollTable
          caption={t('overview.tableCaption', { vital: name })}
          columns={[t('overview.measuredAt'), heading]}
        >
          {[...points.x].reverse().map((x, i) => (
            <tr key={`${x}-${i}`}>
              <td>{dateTimeInOslo(new Date(x * 1000).toISOString(), language)}</td>
              <td className="numeric">{points.y[points.y.length - 1 - i]}</td>
            </tr>
          ))}
        </ScrollTable>
      </details>
    </figure>
  );
}

function ComponentChart({
  vital,
  code,
  measurements,
  bounds,
}: {
  vital: Vital;
  code: string;
  measurements: Measurement[];
  bounds: Bounds;
}) {
  const { t } = useTranslation();
  const component = vitalInfo(vital).components.find((c) => c.code === code);
  const name =
    component === undefined || componentKey(component) === 'value'
      ? t(`vitals.names.${vital}`)
      : t(`vitals.components.${componentKey(component)}`).replace(/ \(.*\)$/, '');
  const unit = displayUnit(component?.unit ?? '');
  const points = useMemo(() => series(measurements, code), [measurements, code]);
  return <BandFigure name={name} unit={unit} points={points} bounds={bounds} />;
}

/** A chart per measured vital (one per component) with the current yellow/red bands. */
export function VitalCharts({ patientId, plans }: { patientId: string; plans: CarePlan[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const measurements = useMeasurements(patientId);
  const pathways = usePlanPathways(plans);
  const byVital = useMemo(() => {
    const groups = new Map<Vital, Measurement[]>();
    for (const m of measurements.data ?? [])
      groups.set(m.vital, [...(groups.get(m.vital) ?? []), m]);
    return groups;
  }, [measurements.data]);

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('overview.measurements')}</h2>
      {measurements.isPending ? (
        <Loading />
      ) : measurements.isError ? (
        <ErrorPanel error={measurements.error} onRetry={() => void measurements.refetch()} />
      ) : byVital.size === 0 ? (
        <p className="list-status">{t('overview.measurementsEmpty')}</p>
      ) : (
        [...byVital.entries()].map(([vital, list]) => (
          <section key={vital} className="stack">
            <h3>{t(`vitals.names.${vital}`)}</h3>
            {vitalInfo(vital).components.map((component) => (
              <ComponentChart
                key={component.code}
                vital={vital}
                code={component.code}
                measurements={list}
                bounds={currentBounds(plans, pathways, vital, component.code)}
              />
            ))}
          </section>
        ))
      )}
    </section>
  );
}
