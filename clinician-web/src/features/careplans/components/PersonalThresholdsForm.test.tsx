import { screen } from '@testing-library/react';
import { jsonResponse, mockFetch, problemResponse } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import type { CarePlan } from '../api/carePlans';
import { PersonalThresholdsForm } from './PersonalThresholdsForm';

const plan: CarePlan = {
  id: 'plan-1',
  patientId: 'patient-1',
  pathwayId: 'pathway-1',
  pathwayVersion: 1,
  pathwayName: 'Hjertesvikt',
  team: 'hjerte',
  startDate: '2026-11-01',
  timeZone: 'Europe/Oslo',
  status: 'ACTIVE',
  endDate: null,
  endReason: null,
  personalThresholds: [],
  pauses: [],
  version: 3,
  createdAt: '2026-11-01T08:00:00Z',
};

const pathway = {
  pathwayId: 'pathway-1',
  team: 'hjerte',
  version: 1,
  publishedAt: '2026-11-01T08:00:00Z',
  publishedBy: 'admin',
  definition: {
    name: 'Hjertesvikt',
    activities: [
      {
        id: 'weight',
        type: 'MEASUREMENT',
        title: 'Vekt',
        vital: 'BODY_WEIGHT',
        schedule: { kind: 'DAILY', windowStart: '07:00', windowEnd: '11:00' },
        thresholds: [
          { code: '29463-7', redLow: null, yellowLow: null, yellowHigh: null, redHigh: 120 },
        ],
      },
    ],
  },
};

describe('personal bounds suggested from the run-in', () => {
  it('fills the row with the suggestion and says where it comes from', async () => {
    mockFetch((request) =>
      request.url.pathname.endsWith('/baseline')
        ? jsonResponse([
            {
              code: '29463-7',
              count: 12,
              mean: 82.4,
              sd: 0.6,
              suggested: {
                code: '29463-7',
                redLow: null,
                yellowLow: 81.2,
                yellowHigh: 83.6,
                redHigh: 120,
              },
            },
          ])
        : jsonResponse(pathway),
    );
    const { user } = renderWithProviders(<PersonalThresholdsForm plan={plan} />);

    await user.click(screen.getByRole('button', { name: /Personlige grenser/ }));
    await user.click(await screen.findByRole('button', { name: /Foreslå fra innkjøringen/ }));

    expect(await screen.findByText(/Forslag fra 12 målinger: snitt 82.4/)).toBeInTheDocument();
    expect(screen.getByDisplayValue('81.2')).toBeInTheDocument();
    expect(screen.getByDisplayValue('83.6')).toBeInTheDocument();
  });

  it('says so when the run-in has too few values', async () => {
    mockFetch((request) =>
      request.url.pathname.endsWith('/baseline')
        ? problemResponse({
            type: 'urn:heima:problem:state-conflict',
            title: 'Not possible',
            status: 409,
            detail: 'Fewer than 3 values',
          })
        : jsonResponse(pathway),
    );
    const { user } = renderWithProviders(<PersonalThresholdsForm plan={plan} />);

    await user.click(screen.getByRole('button', { name: /Personlige grenser/ }));
    await user.click(await screen.findByRole('button', { name: /Foreslå fra innkjøringen/ }));

    expect(
      await screen.findByText('For få målinger i innkjøringen til å foreslå grenser.'),
    ).toBeInTheDocument();
  });
});
