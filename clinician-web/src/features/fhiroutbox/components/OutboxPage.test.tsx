import { screen, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import { OutboxPage } from './OutboxPage';

const parkedRow = {
  id: 42,
  resourceType: 'Observation',
  identifier: 'urn:uuid:m-1',
  status: 'PARKED',
  attempts: 8,
  lastError: 'HTTP 422: Unknown patient',
  createdAt: '2026-11-20T10:00:00Z',
  nextAttemptAt: null,
};

describe('FHIR write-back page', () => {
  it('shows the stats and the parked rows with their reason, and retries one', async () => {
    let retried = false;
    const { requests } = mockFetch((request) => {
      if (request.url.pathname === '/api/admin/fhir-outbox/stats')
        return jsonResponse({ pending: 3, parked: 1, oldestPendingSeconds: 95 });
      if (request.method === 'POST') {
        retried = true;
        return jsonResponse({ pending: 4, parked: 0, oldestPendingSeconds: 95 });
      }
      return jsonResponse(retried ? [] : [parkedRow]);
    });
    const { user } = renderWithProviders(<OutboxPage />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tilbakeskriving til FHIR' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('95 s')).toBeInTheDocument();
    const row = await screen.findByRole('row', { name: /Observation/ });
    expect(within(row).getByText('HTTP 422: Unknown patient')).toBeInTheDocument();
    expect(requests.some((r) => r.url.searchParams.get('status') === 'PARKED')).toBe(true);

    await user.click(
      within(row).getByRole('button', { name: 'Prøv igjen: Observation urn:uuid:m-1' }),
    );
    expect(await screen.findByText('Rad 42 er satt i kø igjen.')).toBeInTheDocument();
    expect(await screen.findByText('Ingen stoppede rader.')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.url.pathname).toBe(
      '/api/admin/fhir-outbox/42/retry',
    );
  });
});
