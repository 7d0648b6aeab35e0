import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Outbox, OutboxSnapshot } from '../outbox';

export const OutboxContext = createContext<Outbox | null>(null);

export function useOutboxInstance(): Outbox {
  const outbox = useContext(OutboxContext);
  if (outbox === null) throw new Error('No OutboxContext: wrap the app in AppProviders');
  return outbox;
}

/** The outbox as it is now, for one owner; re-renders on every change. */
export function useOutbox(owner: string): OutboxSnapshot & { outbox: Outbox } {
  const outbox = useOutboxInstance();
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  return {
    outbox,
    items: snapshot.items.filter((item) => item.owner === owner),
    delivered: snapshot.delivered.filter((item) => item.owner === owner),
  };
}
