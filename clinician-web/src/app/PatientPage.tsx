import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/dates';
import { Link } from '../lib/router';
import type { Me } from '@heima/web-common/auth/me';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { usePatient } from '../features/patients/hooks/usePatient';
import { useCarePlans } from '../features/careplans/hooks/useCarePlans';
import { PatientTimeline } from '../features/overview/components/PatientTimeline';
import { SummaryDownload } from '../features/reports/components/SummaryDownload';
import { ScoreCharts } from '../features/overview/components/ScoreCharts';
import { VitalCharts } from '../features/overview/components/VitalCharts';
import { EnrolForm } from '../features/careplans/components/EnrolForm';
import { PlanCard } from '../features/careplans/components/PlanCard';

function CarePlans({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const plans = useCarePlans(patientId);
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plans.heading')}</h2>
      {plans.isPending ? (
        <Loading label={t('plans.loading')} />
      ) : plans.isError ? (
        <ErrorPanel error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.length === 0 ? (
        <p className="list-status">{t('plans.empty')}</p>
      ) : (
        plans.data.map((plan) => <PlanCard key={plan.id} plan={plan} />)
      )}
    </section>
  );
}

function Charts({ patientId }: { patientId: string }) {
  const plans = useCarePlans(patientId);
  return (
    <>
      <VitalCharts patientId={patientId} plans={plans.data ?? []} />
      <ScoreCharts patientId={patientId} plans={plans.data ?? []} />
    </>
  );
}

/** A patient: who they are, their care plans, and enrolment on a pathway. */
export function PatientPage({ patientId, me }: { patientId: string; me: Me }) {
  const { t, i18n } = useTranslation();
  const patient = usePatient(patientId);
  const language = i18n.resolvedLanguage ?? i18n.language;

  return (
    <div className="stack">
      <p>
        <Link to={{ name: 'patients' }}>{t('patientPage.back')}</Link>
      </p>
      {patient.isPending ? (
        <Loading />
      ) : patient.isError ? (
        <>
          <h1>{t('patientPage.unknown')}</h1>
          <ErrorPanel error={patient.error} onRetry={() => void patient.refetch()} />
        </>
      ) : (
        <>
          <h1>
            {patient.data.givenName} {patient.data.familyName}
          </h1>
          <dl className="facts">
            <div>
              <dt>{t('patients.identifier')}</dt>
              <dd className="numeric">{patient.data.identifier.value}</dd>
            </div>
            <div>
              <dt>{t('patients.birthDate')}</dt>
              <dd>{formatDate(patient.data.birthDate, language, 'long')}</dd>
            </div>
            <div>
              <dt>{t('patients.team')}</dt>
              <dd>{patient.data.teams.join(', ')}</dd>
            </div>
          </dl>
          <p>
            <Link to={{ name: 'messages', patientId }}>{t('patientPage.messages')}</Link>
          </p>
          <div className="patient-layout">
            <PatientTimeline patientId={patientId} />
            <Charts patientId={patientId} />
          </div>
          <div className="patient-layout">
            <CarePlans patientId={patientId} />
            <EnrolForm patientId={patientId} teams={me.teams} />
          </div>
          <SummaryDownload patientId={patientId} />
        </>
      )}
    </div>
  );
}
