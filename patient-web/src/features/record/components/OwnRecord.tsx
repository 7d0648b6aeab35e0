import { useTranslation } from 'react-i18next';
import { ErrorPanel, Loading } from '@heima/web-common/ui/Status';
import { useOwnPatient } from '../hooks/useOwnPatient';
import { NotRegistered } from './NotRegistered';
import { PatientRecord } from './PatientRecord';

export function OwnRecord() {
  const { t } = useTranslation();
  const ownPatient = useOwnPatient();
  if (ownPatient.isPending) return <Loading label={t('record.loading')} />;
  if (ownPatient.isError) {
    return <ErrorPanel error={ownPatient.error} onRetry={() => void ownPatient.refetch()} />;
  }
  if (!ownPatient.data.registered) return <NotRegistered />;
  return <PatientRecord patient={ownPatient.data.patient} />;
}
