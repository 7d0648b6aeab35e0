import { useCallback } from 'react';
import type { OutboxKind, OutboxLabel, SendResult } from '../outbox';
import { useOutboxInstance } from './useOutbox';

/**
 * Submits through the outbox: stored on the device first, then sent at once. The form that calls
 * this shows the answer itself, so a refusal is taken out of the outbox (the patient corrects it in
 * the form) and a success is not kept among the background answers.
 */
export function useSubmit(owner: string) {
  const outbox = useOutboxInstance();
  return useCallback(
    async (
      kind: OutboxKind,
      path: string,
      body: unknown,
      label: OutboxLabel,
    ): Promise<SendResult> => {
      const item = outbox.add(owner, kind, path, body, label);
      const result = await outbox.attempt(item.key);
      if (result.state === 'rejected') outbox.remove(item.key);
      if (result.state === 'delivered') outbox.dismissDelivered(item.key);
      return result;
    },
    [outbox, owner],
  );
}
