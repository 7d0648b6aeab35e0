import { useTranslation } from 'react-i18next';
import type { useRedAlerts } from '../hooks/useRedAlerts';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';

type Alerts = ReturnType<typeof useRedAlerts>;

/** Turn browser notifications for new red items on or off, where the browser allows it. */
export function NotifySetting({ alerts }: { alerts: Alerts }) {
  const { t } = useTranslation();
  const { notifications, unseen, markSeen } = alerts;
  return (
    <div className="cl-notify">
      {unseen > 0 && (
        <NotificationPanel variant="warn" className="cl-notify__unseen">
          {t('caseload.notify.unseen', { count: unseen })}{' '}
          <Button type="button" variant="outline" onClick={markSeen}>
            {t('caseload.notify.markSeen')}
          </Button>
        </NotificationPanel>
      )}
      {notifications.permission === 'unsupported' ? null : notifications.permission === 'denied' ? (
        <p className="field__hint">{t('caseload.notify.denied')}</p>
      ) : notifications.enabled ? (
        <p>
          {t('caseload.notify.on')}{' '}
          <Button type="button" variant="outline" onClick={notifications.turnOff}>
            {t('caseload.notify.turnOff')}
          </Button>
        </p>
      ) : (
        <Button type="button" variant="outline" onClick={() => void notifications.turnOn()}>
          {t('caseload.notify.turnOn')}
        </Button>
      )}
    </div>
  );
}
