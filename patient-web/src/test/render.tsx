import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AppProviders } from '../app/AppProviders';
import { Outbox, type Sender } from '../features/outbox/outbox';
import type { Language } from '@heima/web-common/i18n';
import { createI18n } from '../i18n';
import { testQueryClient } from '@heima/web-common/test/queryClient';

/** Renders with the app's real i18n and query client (no retries, so errors show at once). */
export function renderWithProviders(
  ui: ReactElement,
  options: { language?: Language; outbox?: Outbox; sender?: Sender } = {},
) {
  const i18n = createI18n(options.language ?? 'nb');
  const queryClient = testQueryClient();
  const outbox = options.outbox ?? new Outbox(localStorage, options.sender);
  const user = userEvent.setup();
  const view = render(
    <AppProviders i18n={i18n} queryClient={queryClient} outbox={outbox}>
      {ui}
    </AppProviders>,
  );
  return { ...view, i18n, queryClient, user, outbox };
}
