import { screen, within } from '@testing-library/react';
import { jsonResponse, mockApi } from '@heima/web-common/test/fetchMock';
import { measurement } from '../../../test/measurementFixtures';
import { renderWithProviders } from '../../../test/render';
import type { MeasurementChartProps } from './MeasurementChart';
import { MeasurementsPage } from './MeasurementsPage';

// uPlot draws on a canvas, which jsdom does not have; the browser tests draw the real one.
vi.mock('./MeasurementChart', () => ({
  default: (props: MeasurementChartProps) => (
    <div data-testid="chart">
      {props.names.join(' + ')} in {props.unit}
    </div>
  ),
}));

describe('own measurements over time', () => {
  it('draws the chart lazily and gives the same values as a table', async () => {
    const { requests } = mockApi({
      'GET /api/me/measurements': () =>
        jsonResponse([
          measurement({ id: 'b', measuredAt: '2026-11-21T09:30:00Z' }),
          measurement({
            id: 'a',
            measuredAt: '2026-11-20T07:05:00Z',
            values: [
              { code: '8480-6', value: 128, unit: 'mm[Hg]' },
              { code: '8462-4', value: 82, unit: 'mm[Hg]' },
              { code: '8867-4', value: 64, unit: '/min' },
            ],
            triage: { level: 'GREEN', assessed: true, reasons: [] },
          }),
        ]),
      'GET /api/me/reviews': () =>
        jsonResponse([
          {
            kind: 'MEASUREMENT',
            sourceKey: 'b',
            level: 'RED',
            status: 'RESOLVED',
            reviewedBy: 'Nina Sykepleier',
            reviewedAt: '2026-11-21T10:05:00Z',
            message: 'Vi ringer deg i dag.',
          },
        ]),
    });
    renderWithProviders(<MeasurementsPage vital="BLOOD_PRESSURE" />);

    expect(await screen.findByTestId('chart')).toHaveTextContent(
      'Øvre trykk (systolisk) + Nedre trykk (diastolisk) in mmHg',
    );
    const table = screen.getByRole('table', {
      name: 'Målinger av blodtrykk, siste 90 dager, nyeste først',
    });
    // the review shows twice: under the time (narrow screens) and in its own column (CSS picks one)
    await within(table).findAllByText(/Vi ringer deg i dag/);
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'TidspunktØvre trykk (systolisk) (mmHg)Nedre trykk (diastolisk) (mmHg)Puls (per minutt)VurderingOppfølging',
      // the follow-up first under the time (shown below 480 px), then in its own column
      '21.11.2026, 10:30✓ Vurdert av Nina Sykepleier 21.11.2026, 11:05Melding fra sykepleier: Vi ringer deg i dag.182110–Rød✓ Vurdert av Nina Sykepleier 21.11.2026, 11:05Melding fra sykepleier: Vi ringer deg i dag.',
      '20.11.2026, 08:05Trengs ikke1288264GrønnTrengs ikke',
    ]);
    expect(screen.getByRole('link', { name: 'Blodtrykk' })).toHaveAttribute('aria-current', 'page');
    const query = requests[0]?.url.searchParams;
    expect([query?.get('vital'), query?.get('period')]).toEqual(['BLOOD_PRESSURE', 'P90D']);
  });

  it('says so when there is nothing to show', async () => {
    mockApi({ 'GET /api/me/measurements': () => jsonResponse([]) });
    renderWithProviders(<MeasurementsPage vital="BODY_WEIGHT" />, { language: 'en' });
    expect(
      await screen.findByText('You have no measurements of weight in the last 90 days.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
