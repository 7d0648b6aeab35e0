import { screen, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import type { CapacityForecast } from '../api/forecast';
import { ForecastPage } from './ForecastPage';

const forecast: CapacityForecast = {
  from: '2026-12-02',
  days: 2,
  teams: ['hjerte'],
  windowFrom: '2026-11-04',
  openPlans: 160,
  activePatients: 160,
  nurses: 2,
  patientsPerNurse: 80,
  dhoNurses: 2,
  totalExpected: 41.5,
  minHistory: 200,
  perDay: [
    {
      date: '2026-12-02',
      scheduled: 320,
      evaluations: 1,
      expected: 21,
      low: 13.5,
      high: 28.5,
      perNurse: 10.5,
      perDhoNurse: 10.5,
    },
    {
      date: '2026-12-03',
      scheduled: 320,
      evaluations: 0,
      expected: 20.5,
      low: 13.1,
      high: 27.9,
      perNurse: 10.25,
      perDhoNurse: 10.25,
    },
  ],
  rates: [
    {
      pathwayId: 'p1',
      pathway: 'Hjertesvikt',
      activityId: 'bp',
      activity: 'Blodtrykk',
      scheduled: 120,
      done: 100,
      alerts: 20,
      missed: 3,
      doneShare: 0.87,
      alertShare: 0.18,
      missedShare: 0.03,
      itemsPerTask: 0.1866,
      basis: 'POOLED',
    },
  ],
};

describe('capacity forecast page', () => {
  it('shows the expected items per day, the DHO comparison and the rates', async () => {
    const { requests } = mockFetch(() => jsonResponse(forecast));
    renderWithProviders(<ForecastPage />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kapasitetsprognose' }),
    ).toBeInTheDocument();
    expect(await screen.findByText(/2 årsverk for 160 pasienter/)).toBeInTheDocument();
    const perDay = screen.getByRole('region', { name: 'Per dag' });
    expect(within(perDay).getAllByRole('row')).toHaveLength(3);
    expect(within(perDay).getByText('21 (13,5–28,5)')).toBeInTheDocument();
    const rates = screen.getByRole('region', { name: 'Rater per aktivitet' });
    expect(within(rates).getByText('Lener mot teamenes rater')).toBeInTheDocument();
    expect(requests[0]?.url.pathname).toBe('/api/admin/capacity-forecast');
  });
});
