import { useSyncExternalStore } from 'react';
import { isIsoDate } from './dates';

/**
 * The app's few pages, addressed by the URL fragment (`/patient/#/day/2026-11-21`): the backend
 * serves the app only at `/patient/`, and a reload must land where the patient was.
 */
export type Route =
  | { name: 'today' }
  | { name: 'day'; date: string }
  | { name: 'measure'; vital?: string; carePlanId?: string; activityId?: string }
  | { name: 'questionnaire'; carePlanId: string; activityId: string; date: string }
  | { name: 'measurements'; vital?: string }
  | { name: 'accessLog' }
  | { name: 'plan' }
  | { name: 'messages' }
  | { name: 'reminders' }
  | { name: 'notFound' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent);
  const optional = (key: string) => {
    const value = params.get(key);
    return value === null || value === '' ? {} : { [key]: value };
  };
  switch (parts[0]) {
    case undefined:
      return { name: 'today' };
    case 'day':
      return parts[1] !== undefined && isIsoDate(parts[1])
        ? { name: 'day', date: parts[1] }
        : { name: 'notFound' };
    case 'measure':
      return {
        name: 'measure',
        ...optional('vital'),
        ...optional('carePlanId'),
        ...optional('activityId'),
      };
    case 'questionnaire': {
      const [, carePlanId, activityId, date] = parts;
      if (carePlanId && activityId && date && isIsoDate(date)) {
        return { name: 'questionnaire', carePlanId, activityId, date };
      }
      return { name: 'notFound' };
    }
    case 'measurements':
      return { name: 'measurements', ...optional('vital') };
    case 'access-log':
      return { name: 'accessLog' };
    case 'plan':
      return { name: 'plan' };
    case 'messages':
      return { name: 'messages' };
    case 'reminders':
      return { name: 'reminders' };
    default:
      return { name: 'notFound' };
  }
}

/** The `href` of a route (a fragment, so links work without JavaScript routing tricks). */
export function href(route: Route): string {
  const query = (values: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
    const text = params.toString();
    return text === '' ? '' : `?${text}`;
  };
  const segment = encodeURIComponent;
  switch (route.name) {
    case 'today':
    case 'notFound':
      return '#/';
    case 'day':
      return `#/day/${route.date}`;
    case 'measure':
      return `#/measure${query({ vital: route.vital, carePlanId: route.carePlanId, activityId: route.activityId })}`;
    case 'questionnaire':
      return `#/questionnaire/${segment(route.carePlanId)}/${segment(route.activityId)}/${route.date}`;
    case 'measurements':
      return `#/measurements${query({ vital: route.vital })}`;
    case 'accessLog':
      return '#/access-log';
    case 'plan':
      return '#/plan';
    case 'messages':
      return '#/messages';
    case 'reminders':
      return '#/reminders';
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route).slice(1);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** The current route; re-renders when the fragment changes. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash, () => ''));
}
