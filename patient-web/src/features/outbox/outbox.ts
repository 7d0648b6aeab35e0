import { apiFetch } from '@heima/web-common/http';
import { ProblemError, ProblemType, type Problem } from '@heima/web-common/problem';

/**
 * Submissions that must never be lost: each is stored on the device (localStorage, so it survives
 * a reload or a closed tab) with its Idempotency-Key before the first attempt, and stays there until
 * the server has answered. Every retry resends the same bytes with the same key, so the server
 * stores it exactly once however often the network drops in between.
 *
 * - 2xx: done; the answer is kept for the patient to read if it came while they were elsewhere.
 * - 4xx (except 401, 408, 429): the server refused it; the patient is shown why, nothing is dropped
 *   silently.
 * - network failure, 5xx, 401 (session gone), 408, 429: kept and tried again later with backoff, on
 *   the `online` event and at app start.
 */
export type OutboxKind = 'measurement' | 'response';

/** What the patient is told about an item, without parsing its body. */
export interface OutboxLabel {
  vital?: string;
  values?: { code: string; value: number; unit: string }[];
  title?: string;
  carePlanId?: string;
  activityId?: string;
  date?: string;
}

export interface OutboxItem {
  key: string;
  /** The login (subject) that made it: on a shared device nobody else sends or sees it. */
  owner: string;
  kind: OutboxKind;
  path: string;
  body: string;
  label: OutboxLabel;
  createdAt: string;
  attempts: number;
  nextAttemptAt: number;
  status: 'waiting' | 'rejected';
  /** Why the last attempt failed: for a rejected item the server's problem. */
  problem?: Problem;
}

/** An item the server accepted after it had been waiting; the answer is kept until read. */
export interface DeliveredItem {
  key: string;
  owner: string;
  kind: OutboxKind;
  label: OutboxLabel;
  deliveredAt: string;
  response: unknown;
}

export type SendResult =
  | { state: 'delivered'; response: unknown }
  | { state: 'waiting'; problem?: Problem }
  | { state: 'rejected'; problem: Problem };

export interface OutboxSnapshot {
  items: readonly OutboxItem[];
  delivered: readonly DeliveredItem[];
}

export type Sender = (item: OutboxItem) => Promise<unknown>;

export const OUTBOX_STORAGE_KEY = 'heima.outbox.v1';

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/** 5 s, 10 s, 20 s … up to 5 minutes. */
export function backoff(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

function isFinalRefusal(problem: Problem): boolean {
  return (
    problem.status >= 400 &&
    problem.status < 500 &&
    ![401, 408, 429].includes(problem.status) &&
    problem.type !== ProblemType.network
  );
}

export const sendWithFetch: Sender = (item) =>
  apiFetch<unknown>(item.path, {
    method: 'POST',
    rawBody: item.body,
    headers: { 'Idempotency-Key': item.key },
  });

function newKey(): string {
  return crypto.randomUUID();
}

interface Stored {
  items: OutboxItem[];
  delivered: DeliveredItem[];
}

export class Outbox {
  private snapshot: OutboxSnapshot = { items: [], delivered: [] };
  private readonly listeners = new Set<() => void>();
  private readonly inFlight = new Map<string, Promise<SendResult>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private owner: string | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly send: Sender = sendWithFetch,
    private readonly now: () => number = Date.now,
  ) {
    this.snapshot = this.read();
  }

  // --- state -------------------------------------------------------------------------------

  private read(): Stored {
    try {
      const raw = this.storage.getItem(OUTBOX_STORAGE_KEY);
      if (raw === null) return { items: [], delivered: [] };
      const parsed = JSON.parse(raw) as Partial<Stored>;
      return { items: parsed.items ?? [], delivered: parsed.delivered ?? [] };
    } catch {
      return { items: [], delivered: [] };
    }
  }

  private write(next: Stored): void {
    this.snapshot = next;
    // Throws when storage is full or blocked: the caller must know the item is not safe.
    this.storage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify(next));
    this.listeners.forEach((listener) => listener());
  }

  private update(change: (stored: Stored) => Stored): void {
    const current = this.read();
    this.write(change({ items: [...current.items], delivered: [...current.delivered] }));
  }

  /** Another tab changed the stored outbox. */
  reload(): void {
    this.snapshot = this.read();
    this.listeners.forEach((listener) => listener());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): OutboxSnapshot => this.snapshot;

  // --- adding and answering ----------------------------------------------------------------

  /** Stores a submission (with a new Idempotency-Key) before anything is sent. */
  add(
    owner: string,
    kind: OutboxKind,
    path: string,
    body: unknown,
    label: OutboxLabel,
  ): OutboxItem {
    const item: OutboxItem = {
      key: newKey(),
      owner,
      kind,
      path,
      body: JSON.stringify(body),
      label,
      createdAt: new Date(this.now()).toISOString(),
      attempts: 0,
      nextAttemptAt: this.now(),
      status: 'waiting',
    };
    this.update((stored) => ({ ...stored, items: [...stored.items, item] }));
    return item;
  }

  /** Forgets an item (a refused one the patient has read, or one they take back). */
  remove(key: string): void {
    this.update((stored) => ({ ...stored, items: stored.items.filter((i) => i.key !== key) }));
  }

  dismissDelivered(key: string): void {
    this.update((stored) => ({
      ...stored,
      delivered: stored.delivered.filter((d) => d.key !== key),
    }));
  }

  /**
   * One attempt at one item now. `keepAnswer`: remember a success among the delivered answers (for
   * items sent in the background; the form that sent it shows the answer itself).
   */
  attempt(key: string, keepAnswer = false): Promise<SendResult> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = this.doAttempt(key, keepAnswer).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private async doAttempt(key: string, keepAnswer: boolean): Promise<SendResult> {
    const item = this.read().items.find((i) => i.key === key);
    if (item === undefined) return { state: 'waiting' };
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.failed(item, { type: ProblemType.network, status: 0 });
      return { state: 'waiting', problem: { type: ProblemType.network, status: 0 } };
    }
    try {
      const response = await this.send(item);
      this.update((stored) => ({
        items: stored.items.filter((i) => i.key !== key),
        delivered: keepAnswer
          ? [
              ...stored.delivered,
              {
                key,
                owner: item.owner,
                kind: item.kind,
                label: item.label,
                deliveredAt: new Date(this.now()).toISOString(),
                response,
              },
            ]
          : stored.delivered,
      }));
      return { state: 'delivered', response };
    } catch (error) {
      const problem: Problem =
        error instanceof ProblemError ? error.problem : { type: ProblemType.network, status: 0 };
      if (isFinalRefusal(problem)) {
        this.update((stored) => ({
          ...stored,
          items: stored.items.map((i) =>
            i.key === key ? { ...i, status: 'rejected', problem, attempts: i.attempts + 1 } : i,
          ),
        }));
        return { state: 'rejected', problem };
      }
      this.failed(item, problem);
      return { state: 'waiting', problem };
    }
  }

  private failed(item: OutboxItem, problem: Problem): void {
    this.update((stored) => ({
      ...stored,
      items: stored.items.map((i) =>
        i.key === item.key
          ? {
              ...i,
              problem,
              attempts: i.attempts + 1,
              nextAttemptAt: this.now() + backoff(i.attempts + 1),
            }
          : i,
      ),
    }));
  }

  /**
   * Tries every waiting item of the current owner that is due (all of them when `force`, e.g. the
   * network just came back), one after the other, then plans the next round.
   */
  async flush(force = false): Promise<void> {
    const owner = this.owner;
    if (owner === undefined) return;
    const run = async () => {
      const due = this.read().items.filter(
        (i) =>
          i.owner === owner && i.status === 'waiting' && (force || i.nextAttemptAt <= this.now()),
      );
      for (const item of due) {
        const result = await this.attempt(item.key, true);
        // Still offline: the rest would fail the same way.
        if (result.state === 'waiting' && result.problem?.type === ProblemType.network) break;
      }
    };
    // One flush at a time across this browser's tabs, where the browser can say so.
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (locks) await locks.request('heima-outbox', run);
    else await run();
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const owner = this.owner;
    if (owner === undefined) return;
    const next = this.read()
      .items.filter((i) => i.owner === owner && i.status === 'waiting')
      .reduce((soonest, i) => Math.min(soonest, i.nextAttemptAt), Infinity);
    if (next === Infinity) return;
    this.timer = setTimeout(() => void this.flush(), Math.max(1_000, next - this.now()));
  }

  /**
   * Starts sending for `owner` (the logged-in patient): now, whenever the browser says it is back
   * online, when another tab changes the outbox, and on the backoff timer.
   */
  start(owner: string): () => void {
    this.owner = owner;
    const online = () => void this.flush(true);
    const storage = (event: StorageEvent) => {
      if (event.key === OUTBOX_STORAGE_KEY) this.reload();
    };
    window.addEventListener('online', online);
    window.addEventListener('storage', storage);
    void this.flush(true);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('storage', storage);
      clearTimeout(this.timer);
      this.owner = undefined;
    };
  }
}
