import { screen, within } from '@testing-library/react';
import { jsonResponse, mockApi } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import type { Review } from '../api/reviews';
import { NurseMessages } from './NurseMessages';

function review(overrides: Partial<Review>): Review {
  return {
    kind: 'MEASUREMENT',
    sourceKey: 'm-1',
    level: 'RED',
    status: 'RESOLVED',
    reviewedBy: 'Nina Sykepleier',
    reviewedAt: '2026-11-21T09:00:00Z',
    message: null,
    ...overrides,
  };
}

describe('messages from the nurse', () => {
  it('lists resolved reviews with a message, newest first', async () => {
    mockApi({
      'GET /api/me/reviews': () =>
        jsonResponse([
          review({ sourceKey: 'old', message: 'Fint at du målte igjen.' }),
          review({ sourceKey: 'open', status: 'OPEN', reviewedBy: null, reviewedAt: null }),
          review({ sourceKey: 'silent', reviewedAt: '2026-11-22T09:00:00Z' }),
          review({
            kind: 'MISSING',
            level: 'MISSING',
            sourceKey: 'plan/weight/2026-11-20',
            reviewedBy: 'Ola Sykepleier',
            reviewedAt: '2026-11-21T12:30:00Z',
            message: 'Husk å veie deg om morgenen.',
          }),
          review({
            kind: 'RESPONSE',
            sourceKey: 'r-1',
            reviewedAt: '2026-11-21T10:00:00Z',
            message: 'Vi endrer dosen din.',
          }),
        ]),
    });
    renderWithProviders(<NurseMessages />);
    const section = screen.getByRole('region', { name: 'Meldinger fra sykepleier' });
    const items = await within(section).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Om en oppgave som ikke ble gjort 20. november 2026 · Vurdert av Ola Sykepleier 21.11.2026, 13:30Husk å veie deg om morgenen.',
      'Om et spørreskjema · Vurdert av Nina Sykepleier 21.11.2026, 11:00Vi endrer dosen din.',
      'Om en måling · Vurdert av Nina Sykepleier 21.11.2026, 10:00Fint at du målte igjen.',
    ]);
    expect(section).toHaveTextContent('Grønne resultater trenger ingen oppfølging.');
  });

  it('says so when there are none, in English too', async () => {
    mockApi({ 'GET /api/me/reviews': () => jsonResponse([review({ status: 'IN_PROGRESS' })]) });
    renderWithProviders(<NurseMessages />, { language: 'en' });
    const section = screen.getByRole('region', { name: 'Messages from your nurse' });
    expect(
      await within(section).findByText('You have no messages from your nurse yet.'),
    ).toBeInTheDocument();
    expect(section).toHaveTextContent('Green results need no follow-up.');
  });
});
