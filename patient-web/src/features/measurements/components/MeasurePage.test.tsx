import { screen, within } from '@testing-library/react';
import { ProblemType } from '@heima/web-common/problem';
import { jsonResponse, mockApi, problemResponse } from '@heima/web-common/test/fetchMock';
import { kari } from '../../../test/fixtures';
import { PLAN_ID, measurement } from '../../../test/measurementFixtures';
import { renderWithProviders } from '../../../test/render';
import { MeasurePage } from './MeasurePage';

describe('recording a measurement', () => {
  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=csrf-9; path=/';
  });

  it('shows each value with its unit and stops implausible values before anything is sent', async () => {
    const { requests } = mockApi({});
    const { user } = renderWithProviders(<MeasurePage me={kari} vital="BLOOD_PRESSURE" />);

    expect(
      screen.getByRole('heading', { level: 1, name: 'Registrer blodtrykk' }),
    ).toBeInTheDocument();
    const systolic = screen.getByRole('textbox', { name: 'Øvre trykk (systolisk)' });
    const diastolic = screen.getByRole('textbox', { name: 'Nedre trykk (diastolisk)' });
    expect(systolic).toHaveAccessibleDescription(expect.stringContaining('mmHg'));
    expect(screen.getByRole('textbox', { name: /^Puls.*valgfritt/ })).toHaveAccessibleDescription(
      expect.stringContaining('per minutt'),
    );

    await user.type(systolic, '350');
    await user.type(diastolic, '80');
    await user.click(screen.getByRole('button', { name: 'Send målingen' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent(
      'Øvre trykk (systolisk) må være mellom 50 og 300 mmHg. Sjekk at du har skrevet riktig.',
    );
    expect(systolic).toHaveAttribute('aria-invalid', 'true');
    expect(systolic).toHaveAccessibleDescription(
      expect.stringContaining('må være mellom 50 og 300'),
    );

    await user.clear(systolic);
    await user.type(systolic, '70');
    await user.click(screen.getByRole('button', { name: 'Send målingen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Det øvre trykket (systolisk) må være høyere enn det nedre (diastolisk).',
    );
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['HEART_RATE', 'Puls', '19', 'Puls må være mellom 20 og 250 per minutt.'],
    ['OXYGEN_SATURATION', 'Oksygenmetning', '101', 'Oksygenmetning må være mellom 50 og 100 %.'],
    ['BODY_WEIGHT', 'Vekt', '401', 'Vekt må være mellom 1 og 400 kg.'],
    ['BODY_TEMPERATURE', 'Temperatur', '46', 'Temperatur må være mellom 30 og 45 °C.'],
    ['RESPIRATORY_RATE', 'Åndedrag', '3', 'Åndedrag må være mellom 4 og 80 per minutt.'],
    ['BLOOD_GLUCOSE', 'Blodsukker', '0,4', 'Blodsukker må være mellom 0,5 og 50 mmol/L.'],
  ])('%s: says what is wrong with %s = %s', async (vital, label, value, message) => {
    const { requests } = mockApi({});
    const { user } = renderWithProviders(<MeasurePage me={kari} vital={vital} />);
    await user.type(screen.getByRole('textbox', { name: label }), value);
    await user.click(screen.getByRole('button', { name: 'Send målingen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(requests).toHaveLength(0);
  });

  it('sends with an Idempotency-Key and the CSRF header, then shows the red advice in words', async () => {
    const { requests } = mockApi({
      'POST /api/me/measurements': () => jsonResponse(measurement(), 201),
      'GET /api/me/reviews': () =>
        jsonResponse([
          {
            kind: 'MEASUREMENT',
            sourceKey: 'm-1',
            level: 'RED',
            status: 'OPEN',
            reviewedBy: null,
            reviewedAt: null,
            message: null,
          },
        ]),
    });
    const { user } = renderWithProviders(
      <MeasurePage
        me={kari}
        vital="BLOOD_PRESSURE"
        carePlanId={PLAN_ID}
        activityId="blood-pressure"
      />,
    );
    await user.type(screen.getByRole('textbox', { name: 'Øvre trykk (systolisk)' }), '182');
    await user.type(screen.getByRole('textbox', { name: 'Nedre trykk (diastolisk)' }), '110');
    await user.click(screen.getByRole('button', { name: 'Send målingen' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Målingen er sendt' }),
    ).toBeInTheDocument();
    const advice = screen.getByRole('alert');
    expect(
      within(advice).getByRole('heading', { name: 'Rød: tegn til alvorlig forverring' }),
    ).toBeInTheDocument();
    expect(advice).toHaveTextContent('Ring avdelingen nå.');
    expect(advice).toHaveTextContent(
      'Øvre trykk (systolisk) 182 mmHg er på eller over grensen på 180 mmHg.',
    );
    expect(advice).not.toHaveTextContent(/vurdert av|reviewed/i);
    const review = screen.getByRole('region', { name: 'Oppfølging fra sykepleier' });
    expect(await within(review).findByText('Venter på vurdering')).toBeInTheDocument();
    expect(review).toHaveTextContent('Følg rådet over mens du venter.');

    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    const post = posts[0];
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post?.headers.get('X-XSRF-TOKEN')).toBe('csrf-9');
    expect(post?.body).toMatchObject({
      vital: 'BLOOD_PRESSURE',
      values: [
        { code: '8480-6', value: 182, unit: 'mm[Hg]' },
        { code: '8462-4', value: 110, unit: 'mm[Hg]' },
      ],
      carePlanId: PLAN_ID,
      activityId: 'blood-pressure',
    });
    expect(Date.parse((post?.body as { measuredAt: string }).measuredAt)).not.toBeNaN();
  });

  it("puts the server's refusal on the field it concerns, in the patient's language", async () => {
    mockApi({
      'POST /api/me/measurements': () =>
        problemResponse({
          type: ProblemType.implausibleValue,
          status: 422,
          errors: [{ field: 'values.29463-7', code: 'range', message: 'Body weight must be …' }],
        }),
    });
    const { user } = renderWithProviders(<MeasurePage me={kari} vital="BODY_WEIGHT" />, {
      language: 'en',
    });
    const weight = screen.getByRole('textbox', { name: 'Weight' });
    await user.type(weight, '80');
    await user.click(screen.getByRole('button', { name: 'Send the measurement' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Weight must be between 1 and 400 kg.',
    );
    expect(weight).toHaveAttribute('aria-invalid', 'true');
  });

  it.each([
    [ProblemType.notEnrolled, 409, 'Du er ikke i aktiv oppfølging nå'],
    [ProblemType.measuredAtBeforeEnrolment, 422, 'før oppfølgingen din startet'],
    [ProblemType.measuredAtInFuture, 422, 'er fram i tid'],
    [ProblemType.unitMismatch, 422, 'Enheten passer ikke til målingen'],
    [ProblemType.validation, 400, 'Noen av opplysningene er ikke gyldige.'],
    [ProblemType.idempotencyKeyReused, 409, 'kom i konflikt med en tidligere innsending'],
  ])('turns %s into a sentence', async (type, status, sentence) => {
    mockApi({ 'POST /api/me/measurements': () => problemResponse({ type, status }) });
    const { user } = renderWithProviders(<MeasurePage me={kari} vital="BODY_WEIGHT" />);
    await user.type(screen.getByRole('textbox', { name: 'Vekt' }), '80');
    await user.click(screen.getByRole('button', { name: 'Send målingen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
  });

  it('keeps the measurement on the device when there is no network, and says so', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { requests } = mockApi({});
    const { user, outbox } = renderWithProviders(<MeasurePage me={kari} vital="BODY_WEIGHT" />);
    await user.type(screen.getByRole('textbox', { name: 'Vekt' }), '82,5');
    await user.click(screen.getByRole('button', { name: 'Send målingen' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Målingen er lagret på enheten' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Venter på å sendes');
    expect(screen.getByRole('status')).toHaveTextContent('Vekt 82,5 kg');
    expect(requests).toHaveLength(0);
    expect(outbox.getSnapshot().items).toMatchObject([
      { owner: 'pasient1', status: 'waiting', path: '/api/me/measurements' },
    ]);
  });

  it('lets the patient choose what to record when no vital is given', () => {
    mockApi({});
    renderWithProviders(<MeasurePage me={kari} />);
    const choices = screen.getByRole('navigation', { name: 'Hva vil du registrere?' });
    expect(within(choices).getAllByRole('link')).toHaveLength(7);
    expect(within(choices).getByRole('link', { name: 'Blodsukker' })).toHaveAttribute(
      'href',
      '#/measure?vital=BLOOD_GLUCOSE',
    );
  });
});
