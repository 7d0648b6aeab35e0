import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * Client-side routes under the app's base path, on the History API. The backend answers any path
 * under /clinician/ with index.html, so a route can be bookmarked and reloaded. Small on purpose:
 * a handful of routes do not pay for a router library in the first-load budget.
 */
export const BASE_PATH: string = import.meta.env.BASE_URL.replace(/\/+$/, '');

export type Route =
  | { name: 'home' }
  | { name: 'patients' }
  | { name: 'patient'; patientId: string }
  | { name: 'responses'; patientId: string }
  | { name: 'response'; patientId: string; responseId: string }
  | { name: 'messages'; patientId: string }
  | { name: 'outbox' }
  | { name: 'audit' }
  | { name: 'exports' }
  | { name: 'forecast' }
  | { name: 'caseload' }
  | { name: 'admin' }
  | { name: 'questionnaires' }
  | { name: 'questionnaire'; questionnaireId: string }
  | { name: 'pathways' }
  | { name: 'newPathway' }
  | { name: 'pathway'; pathwayId: string }
  | { name: 'notFound' };

const NAVIGATE_EVENT = 'heima:navigate';

/** The route for a path inside the app (without the base), e.g. `/admin/pathways/123`. */
export function parseRoute(appPath: string): Route {
  const parts = appPath.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, ...rest] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'caseload' && !second) return { name: 'caseload' };
  if (first === 'patients' && !second) return { name: 'patients' };
  if (first === 'patients' && second && !third) return { name: 'patient', patientId: second };
  if (first === 'patients' && second && third === 'messages' && rest.length === 0) {
    return { name: 'messages', patientId: second };
  }
  if (first === 'patients' && second && third === 'responses' && rest.length <= 1) {
    return rest[0]
      ? { name: 'response', patientId: second, responseId: rest[0] }
      : { name: 'responses', patientId: second };
  }
  if (first === 'admin' && rest.length === 0) {
    if (!second) return { name: 'admin' };
    if (second === 'fhir-outbox' && !third) return { name: 'outbox' };
    if (second === 'audit' && !third) return { name: 'audit' };
    if (second === 'exports' && !third) return { name: 'exports' };
    if (second === 'capacity-forecast' && !third) return { name: 'forecast' };
    if (second === 'questionnaires') {
      return third ? { name: 'questionnaire', questionnaireId: third } : { name: 'questionnaires' };
    }
    if (second === 'pathways') {
      if (!third) return { name: 'pathways' };
      return third === 'new' ? { name: 'newPathway' } : { name: 'pathway', pathwayId: third };
    }
  }
  return { name: 'notFound' };
}

/** The path inside the app for a route. */
export function routePath(route: Route): string {
  const id = encodeURIComponent;
  switch (route.name) {
    case 'home':
    case 'notFound':
      return '/';
    case 'patients':
      return '/patients';
    case 'outbox':
      return '/admin/fhir-outbox';
    case 'audit':
      return '/admin/audit';
    case 'exports':
      return '/admin/exports';
    case 'forecast':
      return '/admin/capacity-forecast';
    case 'caseload':
      return '/caseload';
    case 'patient':
      return `/patients/${id(route.patientId)}`;
    case 'responses':
      return `/patients/${id(route.patientId)}/responses`;
    case 'response':
      return `/patients/${id(route.patientId)}/responses/${id(route.responseId)}`;
    case 'messages':
      return `/patients/${id(route.patientId)}/messages`;
    case 'admin':
      return '/admin';
    case 'questionnaires':
      return '/admin/questionnaires';
    case 'questionnaire':
      return `/admin/questionnaires/${id(route.questionnaireId)}`;
    case 'pathways':
      return '/admin/pathways';
    case 'newPathway':
      return '/admin/pathways/new';
    case 'pathway':
      return `/admin/pathways/${id(route.pathwayId)}`;
  }
}

/** The full href (with the base path) for a route. */
export function routeHref(route: Route): string {
  const path = routePath(route);
  return path === '/' ? `${BASE_PATH}/` : `${BASE_PATH}${path}`;
}

function currentAppPath(): string {
  const path = window.location.pathname;
  return path.startsWith(BASE_PATH) ? path.slice(BASE_PATH.length) : path;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The path inside the app, updated on navigation and on back/forward. */
export function useAppPath(): string {
  return useSyncExternalStore(subscribe, currentAppPath, () => '/');
}

export function useRoute(): Route {
  return parseRoute(useAppPath());
}

/** Goes to a route and moves focus to the main region so screen readers start at the new page. */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = routeHref(route);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  document.getElementById('main')?.focus();
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** A real link (opens in a new tab, can be copied) that navigates in place on a plain click. */
export function Link({
  to,
  onClick,
  children,
  ...anchor
}: { to: Route } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <a
      href={routeHref(to)}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainLeftClick(event)) return;
        event.preventDefault();
        navigate(to);
      }}
      {...anchor}
    >
      {children}
    </a>
  );
}
