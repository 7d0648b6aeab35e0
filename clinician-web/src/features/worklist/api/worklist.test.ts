import { applyWorklistEvent, compareItems, triageReasons, type WorklistPage } from './worklist';
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
