import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { todayInOslo } from '../../../lib/dates';
import { jsonResponse, mockFetch } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import type { PreviewDay } from '../api/pathways';
import { SchedulePreviewSection } from './SchedulePreviewSection';

function day(date: string, dayNumber: number, titles: string[]): PreviewDay {
  return {
    date,
    dayNumber,
    items: titles.map((title, i) => ({
      activityId: `a${i}`,
      title,
      windowStart: '07:00:00',
      windowEnd: '11:00:00',
    })),
  };
}

describe('30-day schedule preview', () => {
  it('asks for the draft’s first 30 days and shows one row per day with something due', async () => {
    const { requests } = mockFetch((request) =>
      jsonResponse(
        request.url.searchParams.get('version') === '2'
          ? [day('2026-11-23', 1, ['Vekt'])]
          : [
              day('2026-11-23', 1, ['Symptomer', 'Blodtrykk']),
              day('2026-11-24', 2, ['Blodtrykk']),
              day('2026-11-29', 7, ['Symptomer']),
            ],
      ),
    );
    const { user } = renderWithProviders(<SchedulePreviewWithState />);

    const table = await screen.findByRole('table', {
      name: /Dager med aktiviteter de første 30 dagene/,
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Dag 1',
      'Dag 2',
      'Dag 7',
    ]);
    expect(rows[0]).toHaveTextContent('Symptomer kl. 07:00–11:00');
    expect(rows[0]).toHaveTextContent('Blodtrykk kl. 07:00–11:00');
    expect(rows[0]).toHaveTextContent('man.');
    const first = new URL(requests[0]?.url ?? 'http://localhost/');
    expect(first.pathname).toBe('/api/pathways/p-1/preview');
    expect(first.searchParams.get('days')).toBe('30');
    expect(first.searchParams.get('start')).toBe(todayInOslo());
    expect(first.searchParams.has('version')).toBe(false);

    await user.selectOptions(screen.getByLabelText('Versjon'), '2');
    expect(await screen.findByRole('rowheader', { name: 'Dag 1' })).toBeInTheDocument();
    expect(await screen.findByText('Vekt')).toBeInTheDocument();
    expect(requests.at(-1)?.url.searchParams.get('version')).toBe('2');
  });

  it('says so when nothing is due', async () => {
    mockFetch(() => jsonResponse([]));
    renderWithProviders(<SchedulePreviewWithState />, { language: 'en' });
    expect(await screen.findByText('Nothing is due in the first 30 days.')).toBeInTheDocument();
  });
});

function SchedulePreviewWithState() {
  const [version, setVersion] = useState<number | null>(null);
  return (
    <SchedulePreviewSection
      pathwayId="p-1"
      latestVersion={2}
      version={version}
      onVersion={setVersion}
    />
  );
}
