import { jsonResponse, mockFetch, problemResponse } from './test/fetchMock';
import { apiFetch } from './http';
import { ProblemError, ProblemType } from './problem';

describe('apiFetch', () => {
  it('sends the session cookie and asks for JSON', async () => {
    const { requests } = mockFetch(() => jsonResponse({ ok: true }));
    await expect(apiFetch('/api/thing')).resolves.toEqual({ ok: true });
    expect(requests[0]?.credentials).toBe('same-origin');
    expect(requests[0]?.headers.get('Accept')).toContain('application/problem+json');
    expect(requests[0]?.headers.has('X-XSRF-TOKEN')).toBe(false);
  });

  it('sends the CSRF cookie back as X-XSRF-TOKEN on a mutating request', async () => {
    document.cookie = 'XSRF-TOKEN=token-123; path=/';
    const { requests } = mockFetch(() => jsonResponse({ id: 1 }, 201));
    await apiFetch('/api/things', { method: 'POST', body: { a: 1 } });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.get('X-XSRF-TOKEN')).toBe('token-123');
    expect(requests[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(requests[0]?.body).toEqual({ a: 1 });
  });

  it('sends a record version as If-Match and a file’s text exactly as it is', async () => {
    document.cookie = 'XSRF-TOKEN=token-123; path=/';
    const { requests, fetchMock } = mockFetch(() => jsonResponse({}));
    await apiFetch('/api/care-plans/1/resume', { method: 'POST', ifMatch: 7 });
    expect(requests[0]?.headers.get('If-Match')).toBe('"7"');
    expect(requests[0]?.headers.has('Content-Type')).toBe(false);

    const text = '{\n  "resourceType": "Questionnaire"\n}';
    await apiFetch('/api/questionnaires', { method: 'POST', rawBody: text });
    expect(fetchMock.mock.calls[1]?.[1]?.body).toBe(text);
    expect(requests[1]?.headers.get('Content-Type')).toBe('application/json');
  });

  it('fetches /api/me first when the CSRF cookie is missing', async () => {
    const { requests } = mockFetch((request) => {
      if (request.url.pathname === '/api/me') {
        document.cookie = 'XSRF-TOKEN=fresh; path=/';
        return jsonResponse({});
      }
      return jsonResponse({}, 201);
    });
    await apiFetch('/api/things', { method: 'POST', body: {} });
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'GET /api/me',
      'POST /api/things',
    ]);
    expect(requests[1]?.headers.get('X-XSRF-TOKEN')).toBe('fresh');
  });

  it('throws the problem details the server sent', async () => {
    mockFetch(() =>
      problemResponse({
        type: ProblemType.validation,
        status: 400,
        title: 'Bad Request',
        errors: [{ field: 'identifier', code: 'length', message: 'must be 11 digits' }],
      }),
    );
    const error = await apiFetch('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem.errors?.[0]?.code).toBe('length');
  });

  it('makes a problem out of an error without a JSON body', async () => {
    mockFetch(
      () =>
        new Response('<html>oops</html>', {
          status: 502,
          statusText: 'Bad Gateway',
        }),
    );
    const error = (await apiFetch('/api/x').catch((e: unknown) => e)) as ProblemError;
    expect(error.problem).toEqual({
      type: 'about:blank',
      status: 502,
      title: 'Bad Gateway',
    });
  });

  it('reports a network failure as its own problem type', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await apiFetch('/api/x').catch((e: unknown) => e)) as ProblemError;
    expect(error.type).toBe(ProblemType.network);
  });
});
