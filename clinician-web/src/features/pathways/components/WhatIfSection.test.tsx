import { screen, within } from '@testing-library/react';
import { jsonResponse, mockFetch } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import { WhatIfSection } from './WhatIfSection';

describe('what-if before publishing', () => {
  it('replays the saved draft and shows today’s counts next to the draft’s', async () => {
    const draft = { name: 'Hjertesvikt', activities: [] };
    const { requests } = mockFetch((request) =>
      request.url.pathname.endsWith('/draft')
        ? jsonResponse(draft)
        : jsonResponse({
            days: 30,
            currentVersion: 2,
            carePlans: 3,
            current: { yellow: 4, red: 1 },
            changed: { yellow: 9, red: 2 },
          }),
    );
    const { user } = renderWithProviders(<WhatIfSection pathwayId="p1" latestVersion={2} />);

    await user.click(screen.getByRole('button', { name: 'Sammenlign utkastet med dagens regler' }));

    const table = await screen.findByRole('table', { name: '3 pasientforløp, siste 30 dager' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['Dagens (versjon 2)41', 'Utkastet92']);
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url.pathname).toBe('/api/pathways/p1/what-if');
    expect(post?.body).toEqual({ definition: draft, days: 30 });
  });

  it('lists the submissions the draft would judge differently: patient, time, value, both levels', async () => {
    const draft = {
      name: 'Hjertesvikt',
      activities: [{ id: 'weight', title: 'Vekt', titles: { nb: 'Vekt', en: 'Weight' } }],
    };
    mockFetch((request) =>
      request.url.pathname.endsWith('/draft')
        ? jsonResponse(draft)
        : jsonResponse({
            days: 30,
            currentVersion: 2,
            carePlans: 1,
            current: { yellow: 0, red: 0 },
            changed: { yellow: 1, red: 0 },
            alerts: [
              {
                patientId: 'x1',
                patientName: 'Kari Nordvik',
                activityId: 'weight',
                at: '2026-11-20T08:15:00Z',
                value: '82.4 kg',
                current: 'GREEN',
                changed: 'YELLOW',
              },
            ],
            alertsTotal: 1,
          }),
    );
    const { user } = renderWithProviders(<WhatIfSection pathwayId="p1" latestVersion={2} />);

    await user.click(screen.getByRole('button', { name: 'Sammenlign utkastet med dagens regler' }));

    const table = await screen.findByRole('table', {
      name: '1 innsending ville fått et annet nivå med utkastet',
    });
    const cells = within(table).getAllByRole('row')[1]?.querySelectorAll('th, td');
    expect(Array.from(cells ?? []).map((c) => c.textContent)).toEqual([
      'Kari Nordvik',
      expect.stringContaining('20.'),
      'Vekt',
      '82.4 kg',
      'Grønn',
      'Gul',
    ]);
  });

  it('is not offered before anything is published', () => {
    mockFetch(() => jsonResponse({}));
    renderWithProviders(<WhatIfSection pathwayId="p1" latestVersion={0} />);

    expect(screen.queryByRole('button')).toBeNull();
  });
});
