import { jsonResponse, mockFetch, problemResponse } from '@heima/web-common/test/fetchMock';
import { ProblemType } from '@heima/web-common/problem';
import { OUTBOX_STORAGE_KEY, Outbox, backoff } from './outbox';

const weight = { vital: 'BODY_WEIGHT', values: [{ code: '29463-7', value: 82.5, unit: 'kg' }] };
const body = { ...weight, measuredAt: '2026-11-21T08:00:00.000Z' };
const stored = { id: 'm1', ...weight, triage: { level: 'GREEN', reasons: [], assessed: false } };

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
}

describe('outbox', () => {
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=csrf-1; path=/';
  });

  it('keeps an offline submission on the device and sends it once, with the same key, when the network returns', async () => {
    setOnline(false);
    const { requests } = mockFetch(() => jsonResponse(stored, 201));
    const first = new Outbox(localStorage);
    const item = first.add('pasient1', 'measurement', '/api/me/measurements', body, weight);
    await expect(first.attempt(item.key)).resolves.toMatchObject({ state: 'waiting' });
    expect(requests).toHaveLength(0);

    // A reload: a new outbox over the same storage still has it, waiting.
    const afterReload = new Outbox(localStorage);
    expect(afterReload.getSnapshot().items).toMatchObject([
      { key: item.key, status: 'waiting', owner: 'pasient1' },
    ]);
    const stop = afterReload.start('pasient1');
    await vi.waitFor(() => expect(afterReload.getSnapshot().items[0]?.attempts).toBe(2));
    expect(requests).toHaveLength(0);

    setOnline(true);
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(afterReload.getSnapshot().items).toHaveLength(0));
    window.dispatchEvent(new Event('online'));
    await afterReload.flush(true);
    stop();

    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url.pathname).toBe('/api/me/measurements');
    expect(requests[0]?.headers.get('Idempotency-Key')).toBe(item.key);
    expect(requests[0]?.headers.get('X-XSRF-TOKEN')).toBe('csrf-1');
    expect(requests[0]?.body).toEqual(body);
    // Answers that came in the background are kept for the patient to read.
    expect(afterReload.getSnapshot().delivered).toMatchObject([
      { key: item.key, response: stored },
    ]);
  });

  it('resends exactly the same bytes with the same key after a network failure or a 5xx', async () => {
    setOnline(true);
    let call = 0;
    const { fetchMock } = mockFetch(() => {
      call += 1;
      if (call === 1) return Promise.reject(new TypeError('Failed to fetch'));
      if (call === 2) return problemResponse({ type: 'about:blank', status: 503 });
      return jsonResponse(stored, 201);
    });
    const outbox = new Outbox(localStorage);
    const item = outbox.add('pasient1', 'measurement', '/api/me/measurements', body, weight);

    await expect(outbox.attempt(item.key)).resolves.toMatchObject({ state: 'waiting' });
    await expect(outbox.attempt(item.key)).resolves.toMatchObject({ state: 'waiting' });
    expect(outbox.getSnapshot().items[0]).toMatchObject({ status: 'waiting', attempts: 2 });
    await expect(outbox.attempt(item.key)).resolves.toEqual({
      state: 'delivered',
      response: stored,
    });

    const sent = fetchMock.mock.calls.map(([, init]) => ({
      key: new Headers(init?.headers).get('Idempotency-Key'),
      body: init?.body,
    }));
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.key))).toEqual(new Set([item.key]));
    expect(new Set(sent.map((s) => s.body))).toEqual(new Set([JSON.stringify(body)]));
    expect(outbox.getSnapshot().items).toEqual([]);
  });

  it('keeps a refused (4xx) submission, with the reason, for the patient to see', async () => {
    setOnline(true);
    const problem = {
      type: ProblemType.measuredAtBeforeEnrolment,
      status: 422,
      errors: [{ field: 'measuredAt', code: 'before-enrolment' }],
    };
    const { requests } = mockFetch(() => problemResponse(problem));
    const outbox = new Outbox(localStorage);
    const item = outbox.add('pasient1', 'measurement', '/api/me/measurements', body, weight);

    await outbox.flush(true); // nobody started it: nothing happens without an owner
    expect(requests).toHaveLength(0);
    const stop = outbox.start('pasient1');
    await vi.waitFor(() => expect(outbox.getSnapshot().items[0]?.status).toBe('rejected'));
    expect(outbox.getSnapshot().items[0]?.problem).toMatchObject(problem);

    // Not tried again: only the patient can remove it.
    await outbox.flush(true);
    expect(requests).toHaveLength(1);
    outbox.remove(item.key);
    expect(JSON.parse(localStorage.getItem(OUTBOX_STORAGE_KEY) ?? '{}').items).toEqual([]);
    stop();
  });

  it('keeps trying after a 401 (the session ran out), which is no refusal of the content', async () => {
    setOnline(true);
    mockFetch(() => problemResponse({ type: ProblemType.unauthenticated, status: 401 }));
    const outbox = new Outbox(localStorage);
    const item = outbox.add('pasient1', 'measurement', '/api/me/measurements', body, weight);
    await expect(outbox.attempt(item.key)).resolves.toMatchObject({ state: 'waiting' });
    expect(outbox.getSnapshot().items[0]).toMatchObject({
      status: 'waiting',
      problem: { status: 401 },
    });
  });

  it("sends only the logged-in patient's items on a shared device", async () => {
    setOnline(true);
    const { requests } = mockFetch(() => jsonResponse(stored, 201));
    const outbox = new Outbox(localStorage);
    outbox.add('pasient2', 'measurement', '/api/me/measurements', body, weight);
    const mine = outbox.add('pasient1', 'measurement', '/api/me/measurements', body, weight);
    const stop = outbox.start('pasient1');
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    stop();
    expect(requests[0]?.headers.get('Idempotency-Key')).toBe(mine.key);
    expect(outbox.getSnapshot().items.map((i) => i.owner)).toEqual(['pasient2']);
  });

  it('retries on a timer with growing pauses', async () => {
    expect([1, 2, 3, 4, 10].map(backoff)).toEqual([5_000, 10_000, 20_000, 40_000, 300_000]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      setOnline(true);
      let call = 0;
      const { requests } = mockFetch(() =>
        ++call === 1 ? Promise.reject(new TypeError('offline')) : jsonResponse(stored, 201),
      );
      const outbox = new Outbox(localStorage);
      outbox.add('pasient1', 'measurement', '/api/me/measurements', body, weight);
      const stop = outbox.start('pasient1');
      await vi.waitFor(() => expect(requests).toHaveLength(1));
      await vi.advanceTimersByTimeAsync(4_000);
      expect(requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(requests).toHaveLength(2);
      await vi.waitFor(() => expect(outbox.getSnapshot().items).toHaveLength(0));
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
