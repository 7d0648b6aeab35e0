import { screen, within } from '@testing-library/react';
import { addDays, todayInOslo } from '../lib/dates';
import {
  jsonResponse,
  mockFetch,
  problemResponse,
  type RecordedRequest,
} from '@heima/web-common/test/fetchMock';
import { carePlan, nina, pathwaySummary, patient } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import type { CarePlan, Task } from '../features/careplans/api/carePlans';
import type { PublishedPathway } from '../features/pathways/api/pathways';
import { EnrolForm } from '../features/careplans/components/EnrolForm';
import { PatientPage } from './PatientPage';

const kari = patient(1, { givenName: 'Kari', familyName: 'Nordvik' });
const today = todayInOslo();

const version1: PublishedPathway = {
  pathwayId: 'p-1',
  team: 'hjerte',
  version: 1,
  publishedAt: '2026-11-20T10:00:00Z',
  publishedBy: 'admin',
  definition: {
    name: 'Hjertesvikt',
    description: null,
    advice: null,
    activities: [
      {
        id: 'bp',
        type: 'MEASUREMENT',
        title: 'Blodtrykk',
        vital: 'BLOOD_PRESSURE',
        schedule: { kind: 'DAILY', windowStart: '07:00', windowEnd: '11:00' },
        thresholds: [{ code: '8480-6', yellowHigh: 140, redHigh: 180 }],
      },
    ],
  },
};

function task(date: string, state: Task['state']): Task {
  return {
    carePlanId: 'cp-1',
    activityId: 'bp',
    type: 'MEASUREMENT',
    title: 'Blodtrykk',
    vital: 'BLOOD_PRESSURE',
    questionnaireUrl: null,
    questionnaireVersion: null,
    date,
    // 07:00–11:00 in Oslo in winter (UTC+1).
    windowStart: `${date}T06:00:00Z`,
    windowEnd: `${date}T10:00:00Z`,
    state,
    completedAt: null,
  };
}

/**
 * A small fake of the care-plan API: the plan's version goes up with every change, and a change
 * carrying another version gets 412.
 */
function serve(options: { plans?: CarePlan[]; conflictOn?: string } = {}) {
  let plans = options.plans ?? [carePlan()];
  const change = (request: RecordedRequest, apply: (plan: CarePlan) => Partial<CarePlan>) => {
    const id = request.url.pathname.split('/')[3];
    const plan = plans.find((p) => p.id === id);
    if (!plan) return jsonResponse({}, 404);
    const action = request.url.pathname.split('/')[4] ?? '';
    if (request.headers.get('If-Match') !== `"${plan.version}"` || action === options.conflictOn) {
      return problemResponse({
        type: 'urn:heima:problem:version-conflict',
        status: 412,
        title: 'The record has changed',
      });
    }
    const updated = { ...plan, ...apply(plan), version: plan.version + 1 };
    plans = plans.map((p) => (p.id === id ? updated : p));
    return jsonResponse(updated);
  };
  return mockFetch((request) => {
    const path = request.url.pathname;
    if (path === `/api/patients/${kari.id}`) return jsonResponse(kari);
    if (path === `/api/patients/${kari.id}/care-plans` && request.method === 'GET')
      return jsonResponse(plans);
    if (path === `/api/patients/${kari.id}/care-plans`) {
      const created = carePlan({ id: 'cp-2', version: 0, startDate: today });
      plans = [created, ...plans];
      return jsonResponse(created, 201);
    }
    if (path === '/api/pathways')
      return jsonResponse([
        pathwaySummary(),
        pathwaySummary({ id: 'p-2', name: 'KOLS', latestVersion: 0, hasDraft: true }),
      ]);
    if (path === '/api/pathways/p-1/versions/1') return jsonResponse(version1);
    if (path.endsWith('/tasks'))
      return jsonResponse([task(today, 'DUE'), task(addDays(today, 1), 'UPCOMING')]);
    if (path.endsWith('/pause'))
      return change(request, () => ({
        status: 'PAUSED',
        pauses: [{ id: 'x', from: today, until: null, resumedOn: null, reason: 'Innlagt' }],
      }));
    if (path.endsWith('/resume')) return change(request, () => ({ status: 'ACTIVE' }));
    if (path.endsWith('/end'))
      return change(request, () => ({ status: 'ENDED', endDate: today, endReason: 'Frisk' }));
    if (path.endsWith('/thresholds'))
      return change(request, () => ({
        personalThresholds: request.body as CarePlan['personalThresholds'],
      }));
    return jsonResponse({}, 404);
  });
}

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=csrf-1; path=/';
});

describe('patient page', () => {
  it('shows the plan with its upcoming tasks in Norwegian time', async () => {
    serve();
    renderWithProviders(<PatientPage patientId={kari.id} me={nina} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kari Nordvik' }),
    ).toBeInTheDocument();
    const plan = await screen.findByRole('article', { name: 'Hjertesvikt, versjon 1' });
    expect(within(plan).getByText('Aktiv')).toBeInTheDocument();
    const tasks = await within(plan).findByRole('table', { name: /Oppgaver de neste 14 dagene/ });
    const rows = within(tasks).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('07:00–11:00');
    expect(rows[0]).toHaveTextContent('Kan gjøres nå');
    expect(rows[1]).toHaveTextContent('Kommer');
  });

  it('enrols the patient on a published pathway of the team', async () => {
    const { requests } = serve({ plans: [] });
    const { user } = renderWithProviders(<PatientPage patientId={kari.id} me={nina} />);
    expect(await screen.findByText('Pasienten følger ikke noe forløp ennå.')).toBeInTheDocument();
    const form = within(await screen.findByRole('region', { name: 'Start oppfølging' }));
    const pathway = await form.findByLabelText('Forløp');
    // Only published pathways can be chosen.
    expect(
      within(pathway)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Velg forløp', 'Hjertesvikt (hjerte, versjon 1)']);
    expect(form.getByLabelText('Startdato')).toHaveValue(today);
    expect(form.getByLabelText('Pasientens tidssone')).toHaveValue('Europe/Oslo');

    await user.click(form.getByRole('button', { name: 'Start oppfølging' }));
    expect(pathway).toHaveAttribute('aria-invalid', 'true');

    await user.selectOptions(pathway, 'p-1');
    await user.click(form.getByRole('button', { name: 'Start oppfølging' }));
    expect(await form.findByRole('status')).toHaveTextContent(
      'Pasienten følger nå Hjertesvikt, versjon 1.',
    );
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url.pathname).toBe(`/api/patients/${kari.id}/care-plans`);
    expect(post?.body).toEqual({ pathwayId: 'p-1', startDate: today, timeZone: 'Europe/Oslo' });
    expect(
      await screen.findByRole('article', { name: 'Hjertesvikt, versjon 1' }),
    ).toBeInTheDocument();
  });

  it('shows the server’s enrolment error at the field', async () => {
    mockFetch((request) => {
      if (request.url.pathname === '/api/pathways') return jsonResponse([pathwaySummary()]);
      if (request.method === 'POST')
        return problemResponse({
          type: 'urn:heima:problem:validation',
          status: 400,
          errors: [{ field: 'startDate', code: 'range', message: 'At most 90 days back' }],
        });
      return jsonResponse([]);
    });
    const { user } = renderWithProviders(<EnrolFormOnly />);
    await user.selectOptions(await screen.findByLabelText('Forløp'), 'p-1');
    await user.clear(screen.getByLabelText('Startdato'));
    await user.type(screen.getByLabelText('Startdato'), '2020-01-01');
    await user.click(screen.getByRole('button', { name: 'Start oppfølging' }));
    const start = screen.getByLabelText('Startdato');
    await vi.waitFor(() => expect(start).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Startdatoen kan ikke være mer enn 90 dager tilbake.',
    );
  });

  it('pauses and resumes with the plan’s version as If-Match', async () => {
    const { requests } = serve();
    const { user } = renderWithProviders(<PatientPage patientId={kari.id} me={nina} />);
    const plan = within(await screen.findByRole('article', { name: 'Hjertesvikt, versjon 1' }));

    await user.click(plan.getByRole('button', { name: 'Pause oppfølgingen' }));
    const form = within(plan.getByRole('form', { name: 'Pause oppfølgingen' }));
    await user.click(form.getByRole('button', { name: 'Pause' }));
    expect(form.getByLabelText('Hvorfor pauses oppfølgingen?')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await user.type(form.getByLabelText('Hvorfor pauses oppfølgingen?'), 'Innlagt');
    await user.click(form.getByRole('button', { name: 'Pause' }));

    expect(await plan.findByRole('status')).toHaveTextContent('Oppfølgingen er pauset.');
    const pause = requests.find((r) => r.url.pathname.endsWith('/pause'));
    expect(pause?.headers.get('If-Match')).toBe('"3"');
    expect(pause?.headers.get('X-XSRF-TOKEN')).toBe('csrf-1');
    expect(pause?.body).toEqual({ reason: 'Innlagt', from: today });
    expect(plan.getByText('Pauset')).toBeInTheDocument();

    await user.click(plan.getByRole('button', { name: 'Gjenoppta oppfølgingen' }));
    expect(await plan.findByText('Oppfølgingen er gjenopptatt.')).toBeInTheDocument();
    const resume = requests.find((r) => r.url.pathname.endsWith('/resume'));
    expect(resume?.headers.get('If-Match')).toBe('"4"'); // the version the pause answered with
    expect(plan.getByText('Aktiv')).toBeInTheDocument();
  });

  it('on 412 says someone else changed the plan and can reload it', async () => {
    const { requests } = serve({ conflictOn: 'end' });
    const { user } = renderWithProviders(<PatientPage patientId={kari.id} me={nina} />);
    const plan = within(await screen.findByRole('article', { name: 'Hjertesvikt, versjon 1' }));
    await user.click(plan.getByRole('button', { name: 'Avslutt oppfølgingen' }));
    await user.type(plan.getByLabelText('Hvorfor avsluttes oppfølgingen?'), 'Frisk');
    await user.click(plan.getByRole('button', { name: 'Avslutt' }));

    const alert = await plan.findByRole('alert');
    expect(alert).toHaveTextContent('Planen er endret av noen andre');
    const before = requests.filter((r) => r.url.pathname.endsWith('/care-plans')).length;
    await user.click(within(alert).getByRole('button', { name: 'Last inn planen på nytt' }));
    await vi.waitFor(() =>
      expect(requests.filter((r) => r.url.pathname.endsWith('/care-plans')).length).toBe(
        before + 1,
      ),
    );
  });

  it('saves personal bounds with If-Match, showing the pathway’s own bounds beside them', async () => {
    const { requests } = serve();
    const { user } = renderWithProviders(<PatientPage patientId={kari.id} me={nina} />);
    const plan = within(await screen.findByRole('article', { name: 'Hjertesvikt, versjon 1' }));
    await user.click(plan.getByRole('button', { name: 'Personlige grenser (ingen satt)' }));
    const systolic = within(
      await plan.findByRole('group', { name: 'Blodtrykk: Systolisk blodtrykk (mmHg)' }),
    );
    const yellowHigh = systolic.getByLabelText('Gul høy', { exact: false });
    expect(yellowHigh.getAttribute('aria-describedby')).toBeTruthy();
    expect(systolic.getByText('Forløpet: 140')).toBeInTheDocument();
    await user.type(yellowHigh, '150');
    await user.type(systolic.getByLabelText('Rød høy', { exact: false }), '190,5');
    await user.click(plan.getByRole('button', { name: 'Lagre personlige grenser' }));

    expect(await plan.findByText('De personlige grensene er lagret.')).toBeInTheDocument();
    const put = requests.find((r) => r.url.pathname.endsWith('/thresholds'));
    expect(put?.method).toBe('PUT');
    expect(put?.headers.get('If-Match')).toBe('"3"');
    expect(put?.body).toEqual([
      {
        activityId: 'bp',
        threshold: {
          code: '8480-6',
          redLow: null,
          yellowLow: null,
          yellowHigh: 150,
          redHigh: 190.5,
        },
      },
    ]);
  });
});

function EnrolFormOnly() {
  return <EnrolForm patientId={kari.id} teams={['hjerte']} />;
}
