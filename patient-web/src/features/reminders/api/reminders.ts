import { apiFetch } from '@heima/web-common/http';

/**
 * The patient's reminder choices (`/api/me/reminders`): which channels, whether to be reminded
 * when a task opens and how long before it closes, and quiet hours. `offered` is what this server
 * can send; e-mail and SMS need an address or number on the patient's record.
 */
export type Channel = 'EMAIL' | 'PUSH' | 'SMS';

export const CHANNELS: readonly Channel[] = ['PUSH', 'EMAIL', 'SMS'];

export interface ReminderSettings {
  channels: Channel[];
  atOpening: boolean;
  beforeClosingMinutes: number | null;
  quietFrom: string | null;
  quietUntil: string | null;
  offered: Channel[];
  hasEmail: boolean;
  hasPhone: boolean;
  pushKey: string | null;
  devices: number;
}

export type ReminderChoice = Pick<
  ReminderSettings,
  'channels' | 'atOpening' | 'beforeClosingMinutes' | 'quietFrom' | 'quietUntil'
>;

export const REMINDERS_PATH = '/api/me/reminders';
export const remindersQueryKey = ['me', 'reminders'] as const;

export function fetchReminderSettings(signal?: AbortSignal): Promise<ReminderSettings> {
  return apiFetch<ReminderSettings>(REMINDERS_PATH, signal ? { signal } : {});
}

export function saveReminderSettings(choice: ReminderChoice): Promise<ReminderSettings> {
  return apiFetch<ReminderSettings>(REMINDERS_PATH, { method: 'PUT', body: choice });
}

function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const padded = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * Asks for permission to show notifications, subscribes this device through the app's service
 * worker with the server's VAPID key, and registers the subscription. Resolves false when the
 * patient said no or the browser cannot.
 */
export async function subscribeThisDevice(pushKey: string): Promise<boolean> {
  if (
    !('serviceWorker' in navigator) ||
    !('PushManager' in window) ||
    !('Notification' in window)
  ) {
    return false;
  }
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return false;
  const registration = await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(pushKey),
    }));
  const json = subscription.toJSON();
  await apiFetch<undefined>(`${REMINDERS_PATH}/devices`, {
    method: 'POST',
    body: { endpoint: json.endpoint, keys: json.keys, device: navigator.userAgent.slice(0, 100) },
  });
  return true;
}
