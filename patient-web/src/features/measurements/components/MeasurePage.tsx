import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import type { Problem } from '@heima/web-common/problem';
import { href } from '../../../lib/router';
import type { Me } from '@heima/web-common/auth/me';
import { useSubmit } from '../../outbox/hooks/useSubmit';
import { ReviewState } from '../../reviews/components/ReviewState';
import { TriageResult } from '../../triage/components/TriageResult';
import {
  MEASUREMENTS_PATH,
  type Measurement,
  type MeasurementSubmission,
} from '../api/measurements';
import { describeValues, measurementNaming, vitalName } from '../../vitals/format';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import type { VitalCatalogue } from '@heima/web-common/vitals';
import { useVitalCatalogue } from '../../vitals/hooks/useVitalCatalogue';
import { MeasurementForm, type ValidMeasurement } from './MeasurementForm';
import { Notice } from '../../../ui/Notice';

type Outcome =
  | { state: 'editing'; problem: Problem | null }
  | { state: 'sending' }
  | { state: 'delivered'; measurement: Measurement }
  | { state: 'waiting'; submission: MeasurementSubmission };

function VitalChooser({ catalogue }: { catalogue: VitalCatalogue }) {
  const { t } = useTranslation();
  return (
    <nav aria-labelledby="choose-vital-heading">
      <h2 id="choose-vital-heading">{t('measure.chooseVital')}</h2>
      <ul className="link-list">
        {catalogue.vitals.map((vital) => (
          <li key={vital}>
            <a href={href({ name: 'measure', vital })}>{t(`vital.${vital}`)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Delivered({
  measurement,
  catalogue,
}: {
  measurement: Measurement;
  catalogue: VitalCatalogue;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="stack">
      <Notice variant="success" role="status">
        <span aria-hidden="true">✓ </span>
        {t('measure.delivered', {
          vital: vitalName(t, measurement.vital),
          values: describeValues(t, language, measurement.vital, measurement.values),
          time: formatDateTime(measurement.measuredAt, language),
        })}
      </Notice>
      <TriageResult
        triage={measurement.triage}
        advice={measurement.advice}
        {...measurementNaming(t, catalogue.info(measurement.vital))}
      />
      <ReviewState sourceKey={measurement.id} triage={measurement.triage} />
    </div>
  );
}

function Waiting({ submission }: { submission: MeasurementSubmission }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Notice variant="waiting" role="status">
      <p>
        <strong>
          <span aria-hidden="true">… </span>
          {t('outbox.waitingToSend')}
        </strong>
      </p>
      <p>
        {t('measure.waiting', {
          vital: vitalName(t, submission.vital),
          values: describeValues(t, language, submission.vital, submission.values),
          time: formatDateTime(submission.measuredAt, language),
        })}
      </p>
    </Notice>
  );
}

/** Records one measurement, for a task (`carePlanId` + `activityId`) or on the patient's own. */
export function MeasurePage(props: {
  me: Me;
  vital?: string;
  carePlanId?: string;
  activityId?: string;
}) {
  const { t } = useTranslation();
  const submit = useSubmit(props.me.subject);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'editing', problem: null });
  const vitals = useVitalCatalogue();
  const catalogue = vitals.data;
  const vital = catalogue?.isVital(props.vital) ? props.vital : null;

  useEffect(() => {
    if (outcome.state === 'delivered' || outcome.state === 'waiting') headingRef.current?.focus();
  }, [outcome.state]);

  if (catalogue === undefined) {
    return vitals.isError ? (
      <ErrorPanel error={vitals.error} onRetry={() => void vitals.refetch()} />
    ) : (
      <Loading />
    );
  }

  if (vital === null) {
    return (
      <div className="stack">
        <h1>{t('measure.heading')}</h1>
        <VitalChooser catalogue={catalogue} />
      </div>
    );
  }

  async function onValid(measurement: ValidMeasurement) {
    if (vital === null) return;
    const submission: MeasurementSubmission = {
      vital,
      values: measurement.values,
      measuredAt: measurement.measuredAt.toISOString(),
      ...(props.carePlanId ? { carePlanId: props.carePlanId } : {}),
      ...(props.activityId ? { activityId: props.activityId } : {}),
    };
    setOutcome({ state: 'sending' });
    let result;
    try {
      result = await submit('measurement', MEASUREMENTS_PATH, submission, {
        vital,
        values: submission.values,
        ...(props.carePlanId ? { carePlanId: props.carePlanId } : {}),
        ...(props.activityId ? { activityId: props.activityId } : {}),
        date: submission.measuredAt,
      });
    } catch {
      // The device could not store it (storage full or blocked): nothing was sent either.
      setOutcome({ state: 'editing', problem: { type: 'about:blank', status: 0 } });
      return;
    }
    if (result.state === 'delivered') {
      setOutcome({ state: 'delivered', measurement: result.response as Measurement });
    } else if (result.state === 'waiting') {
      setOutcome({ state: 'waiting', submission });
    } else {
      setOutcome({ state: 'editing', problem: result.problem });
    }
  }

  const done = outcome.state === 'delivered' || outcome.state === 'waiting';
  return (
    <div className="stack">
      <h1 id={headingId} ref={headingRef} tabIndex={-1}>
        {outcome.state === 'delivered'
          ? t('measure.deliveredHeading')
          : outcome.state === 'waiting'
            ? t('measure.waitingHeading')
            : t('measure.headingFor', { vital: vitalName(t, vital).toLowerCase() })}
      </h1>
      {outcome.state === 'delivered' && (
        <Delivered measurement={outcome.measurement} catalogue={catalogue} />
      )}
      {outcome.state === 'waiting' && <Waiting submission={outcome.submission} />}
      {!done && (
        <MeasurementForm
          key={vital}
          vital={catalogue.info(vital)}
          busy={outcome.state === 'sending'}
          serverProblem={outcome.state === 'editing' ? outcome.problem : null}
          onValid={(measurement) => void onValid(measurement)}
        />
      )}
      <nav aria-label={t('nav.label')} className="page-links">
        <ul className="link-list">
          <li>
            <a href={href({ name: 'today' })}>{t('nav.backToToday')}</a>
          </li>
          {done && (
            <li>
              <a href={href({ name: 'measure' })}>{t('measure.another')}</a>
            </li>
          )}
          <li>
            <a href={href({ name: 'measurements', vital })}>{t('nav.myMeasurements')}</a>
          </li>
        </ul>
      </nav>
    </div>
  );
}
