import { Suspense, lazy, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/dates';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import type { CapacityForecast } from '../api/forecast';
import { useForecast } from '../hooks/useForecast';
import { ScrollTable } from '@heima/web-common/ui/ScrollTable';

const BandChart = lazy(() => import('../../../ui/BandChart'));

const DAY = 86_400;

/**
 * The capacity forecast for administrators: expected worklist items per day (and per nurse) for
 * the next two weeks, the DHO rule of thumb beside it, and the rates it rests on. The chart is
 * decoration for sighted readers; the table below carries every figure.
 */
export function ForecastPage() {
  const { t } = useTranslation();
  const forecast = useForecast();
  return (
    <div className="stack">
      <h1>{t('forecast.heading')}</h1>
      {forecast.isPending ? (
        <Loading />
      ) : forecast.isError ? (
        <ErrorPanel error={forecast.error} onRetry={() => void forecast.refetch()} />
      ) : (
        <ForecastView forecast={forecast.data} />
      )}
    </div>
  );
}

function ForecastView({ forecast }: { forecast: CapacityForecast }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const number = useMemo(
    () =>
      new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1 }),
    [language],
  );
  const percent = useMemo(
    () =>
      new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
        style: 'percent',
        maximumFractionDigits: 1,
      }),
    [language],
  );
  const fte = useMemo(
    () =>
      new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 }),
    [language],
  );
  const points = useMemo(() => {
    const x = forecast.perDay.map((d) => Date.parse(`${d.date}T12:00:00Z`) / 1000);
    return { x, y: forecast.perDay.map((d) => d.expected) };
  }, [forecast.perDay]);
  const xRange = useMemo<[number, number]>(
    () => [(points.x[0] ?? 0) - DAY / 2, (points.x[points.x.length - 1] ?? 0) + DAY / 2],
    [points.x],
  );
  const perDay = forecast.days > 0 ? forecast.totalExpected / forecast.days : 0;

  return (
    <>
      <p>
        {t('forecast.intro', {
          days: forecast.days,
          from: formatDate(forecast.windowFrom, language, 'long'),
        })}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('forecast.teams')}</dt>
          <dd>{forecast.teams.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('forecast.openPlans')}</dt>
          <dd className="numeric">{forecast.openPlans}</dd>
        </div>
        <div>
          <dt>{t('forecast.patients')}</dt>
          <dd className="numeric">{forecast.activePatients}</dd>
        </div>
        <div>
          <dt>{t('forecast.nurses')}</dt>
          <dd className="numeric">{forecast.nurses}</dd>
        </div>
        <div>
          <dt>{t('forecast.total', { days: forecast.days })}</dt>
          <dd className="numeric">{number.format(forecast.totalExpected)}</dd>
        </div>
        <div>
          <dt>{t('forecast.perDay')}</dt>
          <dd className="numeric">{number.format(perDay)}</dd>
        </div>
        <div>
          <dt>{t('forecast.dho')}</dt>
          <dd>
            {t('forecast.dhoText', {
              perNurse: number.format(forecast.patientsPerNurse),
              nurses: fte.format(forecast.dhoNurses),
              patients: forecast.activePatients,
            })}
          </dd>
        </div>
      </dl>
      {points.x.length > 0 && (
        <div role="img" aria-label={t('forecast.chartLabel')}>
          <Suspense fallback={<Loading />}>
            <BandChart
              x={points.x}
              y={points.y}
              bands={[]}
              label={t('forecast.chartLabel')}
              unit={t('forecast.chartUnit')}
              xRange={xRange}
              language={language}
            />
          </Suspense>
        </div>
      )}
      <div className="stack">
        <h2>{t('forecast.daysHeading')}</h2>
        <ScrollTable
          caption={t('forecast.daysHeading')}
          columns={[
            t('forecast.date'),
            t('forecast.scheduled'),
            t('forecast.evaluations'),
            t('forecast.expected'),
            t('forecast.perNurse'),
            t('forecast.perDhoNurse'),
          ]}
        >
          {forecast.perDay.map((day) => (
            <tr key={day.date}>
              <th scope="row">{formatDate(day.date, language, 'short')}</th>
              <td className="numeric">{day.scheduled}</td>
              <td className="numeric">{day.evaluations}</td>
              <td className="numeric">
                {number.format(day.expected)} ({number.format(day.low)}–{number.format(day.high)})
              </td>
              <td className="numeric">
                {day.perNurse === null ? t('forecast.none') : number.format(day.perNurse)}
              </td>
              <td className="numeric">
                {day.perDhoNurse === null ? t('forecast.none') : number.format(day.perDhoNurse)}
              </td>
            </tr>
          ))}
        </ScrollTable>
      </div>
      <div className="stack">
        <h2>{t('forecast.ratesHeading')}</h2>
        <p>{t('forecast.ratesIntro', { min: forecast.minHistory })}</p>
        <ScrollTable
          caption={t('forecast.ratesHeading')}
          columns={[
            t('forecast.pathway'),
            t('forecast.activity'),
            t('forecast.scheduled'),
            t('forecast.done'),
            t('forecast.alerts'),
            t('forecast.missed'),
            t('forecast.alertShare'),
            t('forecast.itemsPerTask'),
            t('forecast.basis'),
          ]}
        >
          {forecast.rates.map((rate) => (
            <tr key={`${rate.pathwayId}/${rate.activityId}`}>
              <th scope="row">{rate.pathway}</th>
              <td>{rate.activity}</td>
              <td className="numeric">{rate.scheduled}</td>
              <td className="numeric">{rate.done}</td>
              <td className="numeric">{rate.alerts}</td>
              <td className="numeric">{rate.missed}</td>
              <td className="numeric">{percent.format(rate.alertShare)}</td>
              <td className="numeric">{number.format(rate.itemsPerTask)}</td>
              <td>{t(`forecast.basisValue.${rate.basis}`)}</td>
            </tr>
          ))}
        </ScrollTable>
      </div>
    </>
  );
}
