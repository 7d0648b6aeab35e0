import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AppProviders } from '../app/AppProviders';
import type { Language } from '@heima/web-common/i18n';
import { createI18n } from '../i18n';
import { testQueryClient } from '@heima/web-common/test/queryClient';

/** Renders with the app's real i18n and query client (no retries, so errors show at once). */
export function renderWithProviders(ui: ReactElement, options: { language?: Language } = {}) {
  const i18n = createI18n(options.language ?? 'nb');
  const queryClient = testQueryClient();
  const user = userEvent.setup();
  const view = render(
    <AppProviders i18n={i18n} queryClient={queryClient}>
      {ui}
    </AppProviders>,
  );
  return { ...view, i18n, queryClient, user };
}
