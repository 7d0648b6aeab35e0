import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AppProviders } from '../AppProviders';
import { createI18n, type Language } from '../i18n';
import { createQueryClient } from '@heima/web-common/queryClient';

/** Renders with the app's real i18n and query client (no retries, so errors show at once). */
export function renderWithProviders(ui: ReactElement, options: { language?: Language } = {}) {
  const i18n = createI18n(options.language ?? 'nb');
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false },
    mutations: { retry: false },
  });
  const user = userEvent.setup();
  const view = render(
    <AppProviders i18n={i18n} queryClient={queryClient}>
      {ui}
    </AppProviders>,
  );
  return { ...view, i18n, queryClient, user };
}
