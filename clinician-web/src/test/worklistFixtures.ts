import type { WorklistItem } from '../features/worklist/api/worklist';

export function worklistItem(n: number, overrides: Partial<WorklistItem> = {}): WorklistItem {
  return {
    id: `item-${n}`,
    patientId: `patient-${n}`,
    patientName: `Pasient ${n}`,
    carePlanId: 'cp-1',
    team: 'hjerte',
    kind: 'MEASUREMENT',
    sourceKey: `m-${n}`,
    activityId: 'blood-pressure',
    level: 'YELLOW',
    summary: 'Blood pressure panel: 150 / 95 mm[Hg]',
    reasons: null,
    raisedAt: '2026-11-20T10:00:00Z',
    dueAt: '2026-11-21T10:00:00Z',
    overdue: false,
    status: 'OPEN',
    assigneeSubject: null,
    assigneeName: null,
    takenAt: null,
    escalatedAt: null,
    resolvedAt: null,
    resolvedByName: null,
    action: null,
    note: null,
    patientMessage: null,
    version: 0,
    ...overrides,
  };
}

type Listener = (event: MessageEvent) => void;

/** A stand-in for the browser's EventSource that the test drives by hand. */
export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly url: string;
  closed = false;
  private listeners = new Map<string, Set<Listener>>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }

  addEventListener(name: string, listener: Listener) {
    const set = this.listeners.get(name) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(name, set);
  }

  removeEventListener(name: string, listener: Listener) {
    this.listeners.get(name)?.delete(listener);
  }

  close() {
    this.closed = true;
  }

  emit(name: string, data?: unknown) {
    const event = new MessageEvent(name, { data: data === undefined ? '' : JSON.stringify(data) });
    for (const listener of this.listeners.get(name) ?? []) listener(event);
  }
}
