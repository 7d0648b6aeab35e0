import { ME_PATH, apiFetch } from '../http';
import { ProblemError } from '../problem';
import type { components } from '../api/schema';

/** The logged-in person as the backend-for-frontend sees them (`GET /api/me`; generated type). */
export type Me = components['schemas']['Me'];

export type Role = Me['roles'][number];

export const meQueryKey = ['me'] as const;

/** The logged-in person, or `null` when nobody is logged in (401 is an ordinary answer here). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await apiFetch<Me>(ME_PATH);
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) return null;
    throw error;
  }
}

/**
 * Where the browser goes to log in; the backend starts the OIDC flow from here. Each app has its own
 * login registration, named as the app (`__HEIMA_APP__`, set in the app's vite.config).
 */
export const LOGIN_PATH = `/oauth2/authorization/${__HEIMA_APP__}`;
export const LOGOUT_PATH = '/logout';
