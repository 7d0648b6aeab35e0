import { screen, within } from '@testing-library/react';
import { jsonResponse, mockApi } from '@heima/web-common/test/fetchMock';
import { renderWithProviders } from '../../../test/render';
import type { Assessment } from '../../triage/types';
import type { Review } from '../api/reviews';
import { REVIEWS_POLL_MS } from '../hooks/useReviews';
import { ReviewState } from './ReviewState';

const red: Assessment = { level: 'RED', assessed: true, reasons: [] };

function review(overrides: Partial<Review> = {}): Review {
  return {
    kind: 'MEASUREMENT',
    sourceKey: 'm-1',
    level: 'RED',
    status: 'OPEN',
    reviewedBy: null,
    reviewedAt: null,
    message: null,
    ...overrides,
  };
}

const resolved = review({
  status: 'RESOLVED',
  reviewedBy: 'Nina Sykepleier',
  // 23:10 UTC is 00:10 the next day in Oslo.
  reviewedAt: '2026-11-21T23:10:00Z',
  message: 'Takk, vi ringer deg i morgen tidlig.',
});

function region() {
  return screen.getByRole('region', { name: 'Oppfølging fra sykepleier' });
}

describe('whether a nurse has looked at a submission', () => {
  it.each([
    ['OPEN', '○', 'Venter på vurdering'],
    ['IN_PROGRESS', '◐', 'En sykepleier ser på det'],
  ] as const)('says %s in words, with a shape beside it', async (status, shape, words) => {
    mockApi({
      'GET /api/me/reviews': () =>
        jsonResponse([review({ sourceKey: 'other', status: 'RESOLVED' }), review({ status })]),
    });
    renderWithProviders(<ReviewState sourceKey="m-1" triage={red} />);
    const state = await within(region()).findByText(words);
    expect(state.querySelector('[aria-hidden="true"]')).toHaveTextContent(shape);
    expect(region()).toHaveTextContent('Følg rådet over mens du venter.');
    expect(region()).not.toHaveTextContent('Vurdert av');
  });

  it("names who reviewed it, when (Norwegian time) and shows the nurse's message", async () => {
    mockApi({ 'GET /api/me/reviews': () => jsonResponse([resolved]) });
    renderWithProviders(<ReviewState sourceKey="m-1" triage={red} />);
    expect(
      await within(region()).findByText('Vurdert av Nina Sykepleier 22.11.2026, 00:10'),
    ).toBeInTheDocument();
    expect(region()).toHaveTextContent(
      'Melding fra sykepleier: Takk, vi ringer deg i morgen tidlig.',
    );
    expect(region()).not.toHaveTextContent('Følg rådet over');
  });

  it('speaks English too', async () => {
    mockApi({ 'GET /api/me/reviews': () => jsonResponse([resolved]) });
    renderWithProviders(<ReviewState sourceKey="m-1" triage={red} />, { language: 'en' });
    const section = screen.getByRole('region', { name: 'Follow-up from your nurse' });
    expect(
      await within(section).findByText('Reviewed by Nina Sykepleier 22/11/2026, 00:10'),
    ).toBeInTheDocument();
    expect(section).toHaveTextContent('Message from your nurse:');
  });

  it('says honestly that green results are not reviewed, without asking the server', () => {
    const { requests } = mockApi({});
    renderWithProviders(
      <ReviewState sourceKey="m-1" triage={{ level: 'GREEN', assessed: true, reasons: [] }} />,
    );
    expect(region()).toHaveTextContent('Grønne resultater trenger ingen oppfølging');
    expect(region()).not.toHaveTextContent('Venter på vurdering');
    expect(requests).toHaveLength(0);
  });

  it('asks again every 30 seconds, so a waiting patient sees the note arrive', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let answer = [review()];
      const { requests } = mockApi({ 'GET /api/me/reviews': () => jsonResponse(answer) });
      renderWithProviders(<ReviewState sourceKey="m-1" triage={red} />);
      expect(await within(region()).findByText('Venter på vurdering')).toBeInTheDocument();
      answer = [resolved];
      await vi.advanceTimersByTimeAsync(REVIEWS_POLL_MS);
      expect(
        await within(region()).findByText(/Takk, vi ringer deg i morgen tidlig/),
      ).toBeInTheDocument();
      expect(requests.length).toBeGreaterThanOrEqual(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
