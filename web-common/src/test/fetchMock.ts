import { vi } from 'vitest';
import type { Problem } from '../problem';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

export type FetchHandler = (request: RecordedRequest) => Response | Promise<Response>;

export function jsonResponse(body: unknown, status = 200, contentType = 'application/json') {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}

export function problemResponse(problem: Problem) {
  return jsonResponse(problem, problem.status, 'application/problem+json');
}

/** Replaces `fetch` for one test; unit tests only — browser tests talk to the real backend. */
export function mockFetch(handler: FetchHandler) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url: new URL(href, 'http://localhost'),
      headers: new Headers(init?.headers),
      credentials: init?.credentials,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

export const unauthenticated: Problem = {
  type: 'urn:heima:problem:unauthenticated',
  title: 'Unauthorized',
  status: 401,
};

export type Route = (request: RecordedRequest) => Response | Promise<Response>;

/**
 * Answers by `METHOD /path` (query ignored); anything unrouted fails the test loudly with a 599
 * so a forgotten call is easy to spot.
 */
export function mockApi(routes: Record<string, Route>) {
  return mockFetch((request) => {
    const route = routes[`${request.method} ${request.url.pathname}`];
    if (route === undefined) {
      return new Response(`unrouted ${request.method} ${request.url.pathname}`, { status: 599 });
    }
    return route(request);
  });
}
