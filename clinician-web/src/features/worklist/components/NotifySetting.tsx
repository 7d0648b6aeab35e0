import { useTranslation } from 'react-i18next';
import type { useRedAlerts } from '../hooks/useRedAlerts';

type Alerts = ReturnType<typeof useRedAlerts>;

/** Turn browser notifications for new red items on or off, where the browser allows it. */
export function NotifySetting({ alerts }: { alerts: Alerts }) {
  const { t } = useTranslation();
  const { notifications, unseen, markSeen } = alerts;
  return (
    <div className="cl-notify">
      {unseen > 0 && (
        <p className="notice notice--warning cl-notify__unseen">
          {t('caseload.notify.unseen', { count: unseen })}{' '}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={markSeen}
          >
            {t('caseload.notify.markSeen')}
          </button>
        </p>
      )}
      {notifications.permission === 'unsupported' ? null : notifications.permission === 'denied' ? (
        <p className="field__hint">{t('caseload.notify.denied')}</p>
      ) : notifications.enabled ? (
        <p>
          {t('caseload.notify.on')}{' '}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={notifications.turnOff}
          >
            {t('caseload.notify.turnOff')}
          </button>
        </p>
      ) : (
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => void notifications.turnOn()}
        >
          {t('caseload.notify.turnOn')}
        </button>
      )}
    </div>
  );
}
