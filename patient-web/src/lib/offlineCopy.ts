import { ProblemError, ProblemType } from '@heima/web-common/problem';

/**
 * The last answer to the four requests the app needs to open without network: who is logged in
 * (`GET /api/me`), the care plans' status (`GET /api/me/care-plans`), today's tasks
 * (`GET /api/me/tasks?date=` for today only) and the vital catalogue (`GET /api/vitals`, nobody's
 * data; the measurement form needs it to check and queue a measurement). Each is kept in
 * localStorage, like the send queue, under the login (subject) that fetched it, and only used when
 * the network is unreachable; logging out removes them. Nothing else the API answers is kept on
 * the device, and the service worker caches no API answers at all (only the app's own files).
 */
const PREFIX = 'heima.offline.';

/** How long the copy of `me` may open the app offline. */
const ME_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

interface Copy<T> {
  owner: string;
  /** The day the data is for (tasks), or '' (me). */
  day: string;
  savedAt: number;
  data: T;
}

function read<T>(storage: Storage, name: string): Copy<T> | null {
  try {
    const text = storage.getItem(PREFIX + name);
    return text === null ? null : (JSON.parse(text) as Copy<T>);
  } catch {
    return null;
  }
}

function write<T>(storage: Storage, name: string, copy: Copy<T>): void {
  try {
    storage.setItem(PREFIX + name, JSON.stringify(copy));
  } catch {
    // A full or blocked storage only costs the offline start, never the online one.
  }
}

export function isNetworkFailure(error: unknown): boolean {
  return error instanceof ProblemError && error.problem.type === ProblemType.network;
}

/** Removes every offline copy (at logout, or when another person logs in). */
export function clearOfflineCopies(storage: Storage): void {
  const names: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) names.push(key);
  }
  names.forEach((key) => storage.removeItem(key));
}

/**
 * `fetchMe` that falls back, when the network is unreachable, to the last person it saw (at most a
 * week old). A different person logging in removes the previous person's copies.
 */
export async function meOrOfflineCopy<T extends { subject: string } | null>(
  storage: Storage,
  fetcher: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  try {
    const me = await fetcher();
    const previous = read<T>(storage, 'me');
    if (me === null || (previous && previous.owner !== me.subject)) clearOfflineCopies(storage);
    if (me !== null) write(storage, 'me', { owner: me.subject, day: '', savedAt: now, data: me });
    return me;
  } catch (error) {
    const copy = read<T>(storage, 'me');
    if (isNetworkFailure(error) && copy && now - copy.savedAt < ME_MAX_AGE_MS) return copy.data;
    throw error;
  }
}

/**
 * `fetcher`'s answer, kept for `owner` when `keep`; when the network is unreachable, the copy kept
 * under `name` for the same login and the same `day` ('' for data not tied to a day).
 */
export async function orOfflineCopy<T>(
  storage: Storage,
  name: 'tasks' | 'care-plans' | 'vitals',
  owner: string | undefined,
  day: string,
  keep: boolean,
  fetcher: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  try {
    const data = await fetcher();
    if (owner !== undefined && keep) write(storage, name, { owner, day, savedAt: now, data });
    return data;
  } catch (error) {
    const copy = read<T>(storage, name);
    if (isNetworkFailure(error) && copy && copy.owner === owner && copy.day === day) {
      return copy.data;
    }
    throw error;
  }
}

/**
 * The vital catalogue, or offline its last copy (the same for everybody, kept under no owner and
 * for no day; removed at logout like the other copies, and fetched again at the next login).
 */
export function vitalsOrOfflineCopy<T>(
  storage: Storage,
  fetcher: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  return orOfflineCopy(storage, 'vitals', '', '', true, fetcher, now);
}
