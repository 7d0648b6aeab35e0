import { Suspense, lazy, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import { href } from '../../../lib/router';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import type { Measurement, Period } from '../../measurements/api/measurements';
import { formatNumber, unitText } from '../../vitals/format';
import type { Vital, VitalComponent, VitalInfo } from '@heima/web-common/vitals';
import { useVitalCatalogue } from '../../vitals/hooks/useVitalCatalogue';
import { ReviewState } from '../../reviews/components/ReviewState';
import { useMeasurements } from '../hooks/useMeasurements';
import { useQuery } from '@tanstack/react-query';
import { fetchMyPlan, myPlanQueryKey, type Band } from '../../plan/api/plan';
import { chartedComponents, lineStyle } from '../series';
import { bandRegions } from '@heima/web-common/charts/bands';
import { BackToToday } from '../../../ui/BackToToday';

const MeasurementChart = lazy(() => import('./MeasurementChart'));

const PERIODS: Period[] = ['P7D', 'P30D', 'P90D', 'P365D'];
const PERIOD_DAYS: Record<Period, number> = { P7D: 7, P30D: 30, P90D: 90, P365D: 365 };

function MeasurementTable(props: {
  vital: VitalInfo;
  measurements: Measurement[];
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const components = props.vital.components;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('charts.time')}</th>
            {components.map((component) => (
              <th scope="col" key={component.code}>
                {t(`measure.value.${component.key}`)} ({unitText(t, component.unit)})
              </th>
            ))}
            <th scope="col">{t('charts.level')}</th>
            <th scope="col" className="review-col">
              {t('charts.review')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.measurements.map((measurement) => (
            <tr key={measurement.id}>
              <th scope="row">
                {formatDateTime(measurement.measuredAt, language)}
                {/* on a narrow screen the follow-up column is hidden and shown here instead */}
                <span className="review-inline">
                  <ReviewState sourceKey={measurement.id} triage={measurement.triage} compact />
                </span>
              </th>
              {components.map((component) => {
                const value = measurement.values.find((v) => v.code === component.code);
                return (
                  <td key={component.code}>{value ? formatNumber(value.value, language) : '–'}</td>
                );
              })}
              <td>
                {measurement.triage.couldNotAssess
                  ? t('charts.levelShort.couldNotAssess')
                  : measurement.triage.assessed
                    ? t(`charts.levelShort.${measurement.triage.level}`)
                    : measurement.triage.collectOnly
                      ? t('charts.levelShort.collectOnly')
                      : t('charts.levelShort.none')}
              </td>
              <td className="review-col">
                <ReviewState sourceKey={measurement.id} triage={measurement.triage} compact />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The patient's bounds in words, for everyone (the shading is only for the eye). */
function BandText({ vital, bands }: { vital: VitalInfo; bands: Band[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <ul className="chart__bands">
      {bands.map((band) => {
        const component = vital.components.find((c) => c.code === band.code);
        if (!component) return null;
        const n = (value: number | null) => (value === null ? null : formatNumber(value, language));
        const parts = [
          band.yellowHigh !== null && t('charts.bands.yellowHigh', { value: n(band.yellowHigh) }),
          band.redHigh !== null && t('charts.bands.redHigh', { value: n(band.redHigh) }),
          band.yellowLow !== null && t('charts.bands.yellowLow', { value: n(band.yellowLow) }),
          band.redLow !== null && t('charts.bands.redLow', { value: n(band.redLow) }),
        ].filter(Boolean);
        return (
          <li key={band.code}>
            {t('charts.bands.line', {
              name: t(`measure.value.${component.key}`),
              unit: unitText(t, component.unit),
              parts: parts.join(', '),
            })}
          </li>
        );
      })}
    </ul>
  );
}

/** The patient's own measurements over time: a chart for the eye, a table for everyone. */
export function MeasurementsPage(props: { vital?: string }) {
  const { t, i18n } = useTranslation();
  const vitals = useVitalCatalogue();
  const catalogue = vitals.data;
  const vital: Vital = catalogue?.isVital(props.vital) ? props.vital : 'BODY_WEIGHT';
  const info = catalogue?.info(vital);
  const [period, setPeriod] = useState<Period>('P90D');
  const periodId = useId();
  const measurements = useMeasurements(vital, period);
  // The end of the x axis: when the data was fetched.
  const to = Math.ceil(measurements.dataUpdatedAt / 1000);
  const charted = useMemo<VitalComponent[]>(() => (info ? chartedComponents(info) : []), [info]);
  const names = useMemo(() => charted.map((c) => t(`measure.value.${c.key}`)), [charted, t]);
  const unit = unitText(t, charted[0]?.unit ?? '');
  const vitalText = t(`vital.${vital}`);
  // the patient's own bounds for this vital (personal where set), from the standing plan
  const plan = useQuery({ queryKey: myPlanQueryKey, queryFn: fetchMyPlan });
  const bands = useMemo(() => {
    const activity = plan.data
      ?.flatMap((p) => p.activities)
      .find((a) => a.vital === vital && (a.bands ?? []).length > 0);
    return activity?.bands ?? [];
  }, [plan.data, vital]);
  const firstBand: Band | undefined = bands.find((b) => b.code === charted[0]?.code);
  const regions = useMemo(() => (firstBand ? bandRegions(firstBand) : []), [firstBand]);
  const periodText = t(`charts.period.${period}`);

  return (
    <div className="stack">
      <h1>{t('charts.heading')}</h1>
      <nav aria-label={t('charts.chooseVital')}>
        <ul className="chips">
          {(catalogue?.vitals ?? []).map((candidate) => (
            <li key={candidate}>
              <a
                className="chip"
                href={href({ name: 'measurements', vital: candidate })}
                aria-current={candidate === vital ? 'page' : undefined}
              >
                {t(`vital.${candidate}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="field">
        <label htmlFor={periodId} className="field__label">
          {t('charts.periodLabel')}
        </label>
        <select
          id={periodId}
          className="field__input"
          value={period}
          onChange={(event) => setPeriod(event.target.value as Period)}
        >
          {PERIODS.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`charts.period.${candidate}`)}
            </option>
          ))}
        </select>
      </div>
      <h2>
        {vitalText}, {periodText.toLowerCase()}
      </h2>
      {info === undefined && vitals.isError ? (
        <ErrorPanel error={vitals.error} onRetry={() => void vitals.refetch()} />
      ) : measurements.isPending || info === undefined ? (
        <Loading label={t('charts.loading')} />
      ) : measurements.isError ? (
        <ErrorPanel error={measurements.error} onRetry={() => void measurements.refetch()} />
      ) : measurements.data.length === 0 ? (
        <p>
          {t('charts.none', { vital: vitalText.toLowerCase(), period: periodText.toLowerCase() })}
        </p>
      ) : (
        <>
          <figure className="chart">
            <Suspense fallback={<Loading label={t('charts.loadingChart')} />}>
              <MeasurementChart
                vital={info}
                measurements={measurements.data}
                names={names}
                unit={unit}
                from={to - PERIOD_DAYS[period] * 86_400}
                to={to}
                language={i18n.resolvedLanguage ?? i18n.language}
                bands={regions}
              />
            </Suspense>
            <figcaption>
              {names.length > 1 && (
                <ul className="chart__legend">
                  {names.map((name, index) => (
                    <li key={name}>
                      <span
                        aria-hidden="true"
                        className={`chart__swatch chart__swatch--${index === 0 ? 'solid' : 'dashed'}`}
                        style={{ borderColor: lineStyle(index).stroke }}
                      />{' '}
                      {name}
                      {index === 0 ? ` (${t('charts.solid')})` : ` (${t('charts.dashed')})`}
                    </li>
                  ))}
                </ul>
              )}
              {t('charts.caption', { vital: vitalText.toLowerCase(), unit })}
              {bands.length > 0 && <BandText vital={info} bands={bands} />}
            </figcaption>
          </figure>
          <MeasurementTable
            vital={info}
            measurements={measurements.data}
            caption={t('charts.tableCaption', {
              vital: vitalText.toLowerCase(),
              period: periodText.toLowerCase(),
            })}
          />
        </>
      )}
      <p>
        <a href={href({ name: 'measure', vital })}>
          {t('charts.record', { vital: vitalText.toLowerCase() })}
        </a>
      </p>
      <BackToToday />
    </div>
  );
}
