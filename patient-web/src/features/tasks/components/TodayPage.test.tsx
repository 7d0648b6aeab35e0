import { screen, within } from '@testing-library/react';
import { jsonResponse, mockApi, problemResponse } from '@heima/web-common/test/fetchMock';
import { kari, karisRecord } from '../../../test/fixtures';
import { PLAN_ID, plan, task } from '../../../test/measurementFixtures';
import { renderWithProviders } from '../../../test/render';
import { TodayPage } from './TodayPage';

const TODAY = '2026-11-21';

describe("today's tasks", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-21T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  function api(tasks = [task()], plans = [plan()], reviews: unknown[] = []) {
    return mockApi({
      'GET /api/me/care-plans': () => jsonResponse(plans),
      'GET /api/me/tasks': () => jsonResponse(tasks),
      'GET /api/me/patient': () => jsonResponse(karisRecord),
      'GET /api/me/reviews': () => jsonResponse(reviews),
    });
  }

  it("shows the nurse's messages today, not on an earlier day", async () => {
    api(
      [task()],
      [plan()],
      [
        {
          kind: 'MEASUREMENT',
          sourceKey: 'm-1',
          level: 'RED',
          status: 'RESOLVED',
          reviewedBy: 'Nina Sykepleier',
          reviewedAt: '2026-11-21T08:00:00Z',
          message: 'Vi ringer deg før lunsj.',
        },
      ],
    );
    const { unmount } = renderWithProviders(<TodayPage me={kari} />);
    const section = await screen.findByRole('region', { name: 'Meldinger fra sykepleier' });
    expect(await within(section).findByText('Vi ringer deg før lunsj.')).toBeInTheDocument();
    unmount();
    renderWithProviders(<TodayPage me={kari} date="2026-11-19" />);
    expect(await screen.findByRole('heading', { level: 3 })).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Meldinger fra sykepleier' }),
    ).not.toBeInTheDocument();
  });

  it('shows every task with its window in Norwegian time and its state in words', async () => {
    const { requests } = api([
      task({
        activityId: 'symptoms',
        type: 'QUESTIONNAIRE',
        title: 'Symptomer',
        vital: null,
        state: 'DONE',
        completedAt: '2026-11-21T07:12:00Z',
      }),
      task({ activityId: 'weight', title: 'Vekt', state: 'DUE' }),
      task({
        activityId: 'blood-pressure',
        title: 'Blodtrykk og puls',
        vital: 'BLOOD_PRESSURE',
        state: 'UPCOMING',
        windowStart: '2026-11-21T17:00:00Z',
        windowEnd: '2026-11-21T20:00:00Z',
      }),
      task({
        activityId: 'evening',
        title: 'Kveldsvekt',
        state: 'MISSED',
        windowStart: '2026-11-21T05:00:00Z',
        windowEnd: '2026-11-21T06:00:00Z',
      }),
    ]);
    renderWithProviders(<TodayPage me={kari} />);

    const items = await screen.findAllByRole('heading', { level: 3 });
    expect(items.map((h) => h.textContent)).toEqual([
      'Symptomer',
      'Vekt',
      'Blodtrykk og puls',
      'Kveldsvekt',
    ]);

    const card = (title: string) =>
      screen.getByRole('heading', { level: 3, name: title }).closest('li') as HTMLElement;
    expect(card('Symptomer')).toHaveTextContent('Utført kl. 08:12');
    expect(within(card('Symptomer')).queryByRole('link')).not.toBeInTheDocument();
    expect(card('Vekt')).toHaveTextContent('Måling · mellom kl. 07:00 og 11:00');
    expect(card('Vekt')).toHaveTextContent('Skal gjøres nå');
    expect(within(card('Vekt')).getByRole('link', { name: 'Registrer: Vekt' })).toHaveAttribute(
      'href',
      `#/measure?vital=BODY_WEIGHT&carePlanId=${PLAN_ID}&activityId=weight`,
    );
    expect(card('Blodtrykk og puls')).toHaveTextContent('mellom kl. 18:00 og 21:00');
    expect(card('Blodtrykk og puls')).toHaveTextContent('Ikke startet ennå');
    expect(card('Kveldsvekt')).toHaveTextContent('Ikke utført');

    expect(
      requests.find((r) => r.url.pathname === '/api/me/tasks')?.url.searchParams.get('date'),
    ).toBe(TODAY);
  });

  it('shows a past day as history: no actions, a way back to today', async () => {
    const { requests } = api([task({ date: '2026-11-19', state: 'MISSED' })]);
    renderWithProviders(<TodayPage me={kari} date="2026-11-19" />);
    expect(await screen.findByText('Ikke utført')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: /Oppgaver torsdag 19. november 2026/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Registrer: / })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'I dag' })).toHaveAttribute('href', '#/');
    expect(screen.getByRole('link', { name: /Dagen før/ })).toHaveAttribute(
      'href',
      '#/day/2026-11-18',
    );
    expect(screen.getByRole('link', { name: /Dagen etter/ })).toHaveAttribute(
      'href',
      '#/day/2026-11-20',
    );
    expect(
      requests.find((r) => r.url.pathname === '/api/me/tasks')?.url.searchParams.get('date'),
    ).toBe('2026-11-19');
  });

  it('says honestly that follow-up is paused or has ended', async () => {
    api(
      [],
      [
        plan({
          status: 'PAUSED',
          pauses: [
            {
              id: 'p',
              from: '2026-11-20',
              until: '2026-11-30',
              resumedOn: null,
              reason: 'Innlagt',
            },
          ],
        }),
        plan({ id: 'old', pathwayName: 'KOLS', status: 'ENDED', endDate: '2026-10-01' }),
      ],
    );
    renderWithProviders(<TodayPage me={kari} />);
    const status = await screen.findByRole('region', { name: 'Om oppfølgingen din' });
    expect(status).toHaveTextContent('er satt på pause til og med 30. november 2026');
    expect(status).toHaveTextContent('Oppfølgingen «KOLS» ble avsluttet 1. oktober 2026.');
    expect(await screen.findByText('Du har ingen oppgaver i dag.')).toBeInTheDocument();
  });

  it('shows a task whose measurement waits on the device as "venter på å sendes"', async () => {
    api([task()]);
    const { outbox } = renderWithProviders(<TodayPage me={kari} />);
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    outbox.add(
      'pasient1',
      'measurement',
      '/api/me/measurements',
      {},
      {
        vital: 'BODY_WEIGHT',
        values: [{ code: '29463-7', value: 82.5, unit: 'kg' }],
        carePlanId: PLAN_ID,
        activityId: 'weight',
      },
    );
    const card = (await screen.findByRole('heading', { level: 3, name: 'Vekt' })).closest(
      'li',
    ) as HTMLElement;
    expect(card).toHaveTextContent('Venter på å sendes');
    expect(within(card).queryByRole('link')).not.toBeInTheDocument();
    const panel = screen.getByRole('region', { name: 'Innsendinger' });
    expect(panel).toHaveTextContent('1 innsending venter på å sendes');
    expect(panel).toHaveTextContent('Vekt: 82,5 kg — Venter på å sendes');
  });

  it('shows the refusal of a queued item instead of dropping it', async () => {
    api([]);
    const { outbox } = renderWithProviders(<TodayPage me={kari} />);
    const item = outbox.add(
      'pasient1',
      'measurement',
      '/api/me/measurements',
      {},
      {
        vital: 'BODY_WEIGHT',
        values: [{ code: '29463-7', value: 82.5, unit: 'kg' }],
      },
    );
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    mockApi({
      'GET /api/me/care-plans': () => jsonResponse([plan()]),
      'GET /api/me/tasks': () => jsonResponse([]),
      'GET /api/me/patient': () => jsonResponse(karisRecord),
      'POST /api/me/measurements': () =>
        problemResponse({ type: 'urn:heima:problem:measured-at-before-enrolment', status: 422 }),
    });
    await outbox.attempt(item.key, true);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Vekt: 82,5 kg ble ikke tatt imot. Tidspunktet for målingen er før oppfølgingen din startet.',
    );
    expect(within(alert).getByRole('button', { name: 'Fjern fra listen' })).toBeInTheDocument();
  });

  it('shows the not-registered page when there is no patient record', async () => {
    mockApi({
      'GET /api/me/care-plans': () =>
        problemResponse({ type: 'urn:heima:problem:not-registered', status: 404 }),
    });
    renderWithProviders(<TodayPage me={kari} />);
    expect(
      await screen.findByRole('heading', { name: 'Du er ikke registrert i Heima ennå' }),
    ).toBeInTheDocument();
  });
});
