import { readCookie } from './cookies';
import { ProblemError, ProblemType, isProblem, type Problem } from './problem';

/** The backend keeps the session; JavaScript only ever sees this readable CSRF cookie. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
export const ME_PATH = '/api/me';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * Sent exactly as given, as `application/json`: an idempotent submission (the server hashes the
   * bytes, so a retry must resend the very same text with the same key) or an uploaded file's text.
   */
  rawBody?: string;
  /** A file sent as its own bytes (uploads), with its own type. */
  fileBody?: Blob;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  /** The version of the record being changed, sent as `If-Match: "<version>"`. */
  ifMatch?: number;
  signal?: AbortSignal;
}

/** An ETag for a record version, as the API writes and expects them. */
export function etag(version: number): string {
  return `"${version}"`;
}

/**
 * Returns the CSRF token, asking the backend to set the cookie first (any `GET /api/me` does) when
 * the browser does not have it yet.
 */
export async function csrfToken(): Promise<string | undefined> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing !== undefined) return existing;
  try {
    await fetch(ME_PATH, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    // The request that needs the token reports the network failure.
  }
  return readCookie(CSRF_COOKIE);
}

async function toProblem(response: Response): Promise<Problem> {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) return { ...body, type: body.type ?? 'about:blank' };
    } catch {
      // Not JSON after all: fall through to a problem made from the status line.
    }
  }
  return {
    type: 'about:blank',
    status: response.status,
    title: response.statusText,
  };
}

/** JSON over fetch with the session cookie, CSRF header and problem-details errors. */
export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    ...options.headers,
  };
  const body: BodyInit | undefined =
    options.fileBody ??
    options.rawBody ??
    (options.body !== undefined ? JSON.stringify(options.body) : undefined);
  if (options.fileBody) {
    headers['Content-Type'] = options.fileBody.type || 'application/octet-stream';
  } else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = etag(options.ifMatch);
  if (method !== 'GET') {
    const token = await csrfToken();
    if (token !== undefined) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ProblemError({ type: ProblemType.network, status: 0 });
  }

  if (!response.ok) throw new ProblemError(await toProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
