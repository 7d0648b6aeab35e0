import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { titleWithBadge } from '../api/caseload';
import type { WorklistItem } from '../api/worklist';

export const NOTIFY_STORAGE_KEY = 'heima.notify-red';

type Permission = 'unsupported' | 'default' | 'granted' | 'denied';

function permissionNow(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

function storedChoice(): boolean {
  try {
    return localStorage.getItem(NOTIFY_STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

/**
 * New red items while the worklist is open: the number stands in front of the tab title until the
 * nurse comes back to the tab (or says she has seen them), and, when she has turned it on and the
 * browser allows it, each one raises a browser notification.
 */
export function useRedAlerts() {
  const { t, i18n } = useTranslation();
  const [unseen, setUnseen] = useState(0);
  const [enabled, setEnabled] = useState(storedChoice);
  const [permission, setPermission] = useState<Permission>(permissionNow);
  const seen = useRef(new Set<string>());

  useEffect(() => {
    document.title = titleWithBadge(t('app.documentTitle'), unseen);
  }, [unseen, t, i18n.language]);
  useEffect(
    () => () => {
      document.title = t('app.documentTitle');
    },
    [t],
  );
  useEffect(() => {
    const back = () => {
      if (document.visibilityState === 'visible') setUnseen(0);
    };
    document.addEventListener('visibilitychange', back);
    return () => document.removeEventListener('visibilitychange', back);
  }, []);

  const redRaised = useCallback(
    (item: WorklistItem) => {
      if (item.level !== 'RED' || seen.current.has(item.id)) return;
      seen.current.add(item.id);
      setUnseen((n) => n + 1);
      if (enabled && permissionNow() === 'granted') {
        try {
          new Notification(t('caseload.notify.title'), {
            body: t('worklist.newRed', { name: item.patientName, summary: item.summary }),
            tag: item.id,
          });
        } catch {
          // Some browsers only notify from a service worker; the title badge still tells.
        }
      }
    },
    [enabled, t],
  );

  const turnOn = useCallback(async () => {
    if (typeof Notification === 'undefined') return;
    const answer = await Notification.requestPermission();
    setPermission(answer);
    if (answer === 'granted') {
      setEnabled(true);
      try {
        localStorage.setItem(NOTIFY_STORAGE_KEY, 'on');
      } catch {
        // on for this visit only
      }
    }
  }, []);

  const turnOff = useCallback(() => {
    setEnabled(false);
    try {
      localStorage.removeItem(NOTIFY_STORAGE_KEY);
    } catch {
      // off for this visit only
    }
  }, []);

  return {
    unseen,
    markSeen: () => setUnseen(0),
    redRaised,
    notifications: { enabled: enabled && permission === 'granted', permission, turnOn, turnOff },
  };
}
