import { screen } from '@testing-library/react';
import { jsonResponse, mockApi } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import type { AccessLogEntry } from '../api/accessLog';
import { AccessLogPage } from './AccessLogPage';

function entry(overrides: Partial<AccessLogEntry>): AccessLogEntry {
  return {
    at: '2026-11-21T09:00:00Z',
    who: 'Nina Berg',
    role: 'CLINICIAN',
    purpose: 'TREAT',
    action: 'READ',
    resource: 'Patient',
    outcome: 'SUCCESS',
    ...overrides,
  };
}

describe('who has looked at my data', () => {
  it('shows who, when, what and why, and refusals as refused', async () => {
    mockApi({
      'GET /api/me/access-log': () =>
        jsonResponse([
          entry({}),
          entry({
            who: 'Per Lund',
            at: '2026-11-20T12:30:00Z',
            resource: 'CarePlan',
            outcome: 'DENIED',
          }),
        ]),
    });
    renderWithProviders(<AccessLogPage />);
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Nina Berg (helsepersonell)');
    expect(items[0]).toHaveTextContent('21.11.2026, 10:00');
    expect(items[0]).toHaveTextContent('Leste: personopplysningene dine');
    expect(items[0]).toHaveTextContent('Helsehjelp: oppfølgingen din');
    expect(items[0]).not.toHaveTextContent('Avvist');
    expect(items[1]).toHaveTextContent('oppfølgingsplanen din');
    expect(items[1]).toHaveTextContent('Avvist – fikk ikke se opplysningene');
  });

  it('says so when nobody has looked, in English', async () => {
    mockApi({ 'GET /api/me/access-log': () => jsonResponse([]) });
    renderWithProviders(<AccessLogPage />, { language: 'en' });
    expect(await screen.findByText('Nobody else has looked at your data yet.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Who has looked at my data',
    );
  });
});
