import type { QueryClient } from '@tanstack/react-query';
import { QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Outbox } from '../features/outbox/outbox';
import { OutboxContext } from '../features/outbox/hooks/useOutbox';

export function AppProviders(props: {
  i18n: I18n;
  queryClient: QueryClient;
  outbox: Outbox;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={props.i18n}>
      <QueryClientProvider client={props.queryClient}>
        <OutboxContext.Provider value={props.outbox}>{props.children}</OutboxContext.Provider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
