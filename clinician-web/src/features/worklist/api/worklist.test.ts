import {
  applyWorklistEvent,
  compareItems,
  pageRange,
  triageReasons,
  type WorklistPage,
} from './worklist';
import { worklistItem } from '../../../test/worklistFixtures';

const page = (items: WorklistPage['items']): WorklistPage => ({
  items,
  page: 0,
  size: 50,
  total: items.length,
});

describe('worklist order and live events', () => {
  it('orders red, yellow, missing, and oldest first within a level', () => {
    const items = [
      worklistItem(1, { level: 'MISSING', raisedAt: '2026-11-20T08:00:00Z' }),
      worklistItem(2, { level: 'YELLOW', raisedAt: '2026-11-20T09:00:00Z' }),
      worklistItem(3, { level: 'RED', raisedAt: '2026-11-20T11:00:00Z' }),
      worklistItem(4, { level: 'RED', raisedAt: '2026-11-20T10:00:00Z' }),
      worklistItem(5, { level: 'YELLOW', raisedAt: '2026-11-20T07:00:00Z' }),
    ];
    expect([...items].sort(compareItems).map((i) => i.id)).toEqual([
      'item-4',
      'item-3',
      'item-5',
      'item-2',
      'item-1',
    ]);
  });

  it('inserts a raised item in its place, replaces a taken one, and drops a resolved one', () => {
    const start = page([worklistItem(1, { level: 'RED' }), worklistItem(2)]);
    const raised = applyWorklistEvent(
      start,
      'raised',
      worklistItem(3, { level: 'RED', raisedAt: '2026-11-20T11:00:00Z' }),
    );
    expect(raised?.items.map((i) => i.id)).toEqual(['item-1', 'item-3', 'item-2']);
    expect(raised?.total).toBe(3);

    const taken = applyWorklistEvent(
      raised,
      'taken',
      worklistItem(2, { status: 'IN_PROGRESS', assigneeName: 'Nina Berg', version: 1 }),
    );
    expect(taken?.items.find((i) => i.id === 'item-2')?.assigneeName).toBe('Nina Berg');
    expect(taken?.total).toBe(3);

    const stale = applyWorklistEvent(taken, 'raised', worklistItem(2, { version: 0 }));
    expect(stale?.items.find((i) => i.id === 'item-2')?.status).toBe('IN_PROGRESS');

    const resolved = applyWorklistEvent(
      taken,
      'resolved',
      worklistItem(1, { level: 'RED', status: 'RESOLVED', version: 2 }),
    );
    expect(resolved?.items.map((i) => i.id)).toEqual(['item-3', 'item-2']);
    expect(resolved?.total).toBe(2);
    expect(applyWorklistEvent(undefined, 'raised', worklistItem(9))).toBeUndefined();
  });

  it('puts a new item on the first page only, but counts it on every page', () => {
    const second: WorklistPage = {
      items: [worklistItem(51), worklistItem(52)],
      page: 1,
      size: 50,
      total: 52,
    };
    const raised = applyWorklistEvent(second, 'raised', worklistItem(9, { level: 'RED' }));
    expect(raised?.items.map((i) => i.id)).toEqual(['item-51', 'item-52']);
    expect(raised?.total).toBe(53);
    const taken = applyWorklistEvent(
      second,
      'taken',
      worklistItem(52, { status: 'IN_PROGRESS', version: 1 }),
    );
    expect(taken?.items[1]?.status).toBe('IN_PROGRESS');
    const resolved = applyWorklistEvent(
      second,
      'resolved',
      worklistItem(51, { status: 'RESOLVED', version: 1 }),
    );
    expect(resolved?.items.map((i) => i.id)).toEqual(['item-52']);
    expect(resolved?.total).toBe(51);
  });

  it('gives the range a page shows and how many pages there are', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => worklistItem(i));
    expect(pageRange({ items: items(50), page: 0, size: 50, total: 500 })).toEqual({
      from: 1,
      to: 50,
      pages: 10,
    });
    expect(pageRange({ items: items(50), page: 1, size: 50, total: 500 })).toEqual({
      from: 51,
      to: 100,
      pages: 10,
    });
    expect(pageRange({ items: items(1), page: 2, size: 50, total: 101 })).toEqual({
      from: 101,
      to: 101,
      pages: 3,
    });
    expect(pageRange({ items: [], page: 0, size: 50, total: 0 })).toEqual({
      from: 0,
      to: 0,
      pages: 1,
    });
  });

  it('reads the reasons from the triage JSON, and none from nonsense', () => {
    const reasons = JSON.stringify({
      level: 'RED',
      reasons: [{ code: '8480-6', value: 182, level: 'RED', bound: 'redHigh', boundValue: 180 }],
    });
    expect(triageReasons({ reasons })[0]?.boundValue).toBe(180);
    expect(triageReasons({ reasons: 'not json' })).toEqual([]);
    expect(triageReasons({ reasons: null })).toEqual([]);
  });
});
