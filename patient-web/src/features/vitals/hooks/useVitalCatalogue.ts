import { fetchVitals, useVitals } from '@heima/web-common/vitals';
import { vitalsOrOfflineCopy } from '../../../lib/offlineCopy';

const fetchOrCopy = () => vitalsOrOfflineCopy(localStorage, fetchVitals);

/**
 * The backend's vital catalogue (`@heima/web-common/vitals`), with its last answer kept on the
 * device so a measurement can be checked and queued without network
 * (docs/decisions/patient-offline.md).
 */
export function useVitalCatalogue() {
  // run even when the browser says it is offline, so the copy is used
  return useVitals({ queryFn: fetchOrCopy, networkMode: 'offlineFirst' });
}
