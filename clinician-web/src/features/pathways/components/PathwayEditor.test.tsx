import { screen, within } from '@testing-library/react';
import { ProblemError } from '@heima/web-common/problem';
import { jsonResponse, mockFetch } from '@heima/web-common/test/fetchMock';
import { questionnairePage, questionnaireRef } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { emptyForm, fromDefinition } from '../api/pathwayForm';
import type { PathwayDefinition } from '../api/pathways';
import { PathwayEditor } from './PathwayEditor';

const symptoms = questionnaireRef();
const retired = questionnaireRef({ id: 'q-old', version: '0.9', retired: true });

function serveLibrary() {
  return mockFetch((request) => {
    if (request.url.pathname === '/api/questionnaires')
      return jsonResponse(questionnairePage([symptoms, retired]));
    if (request.url.pathname === '/api/questionnaires/q-1')
      return jsonResponse({
        resourceType: 'Questionnaire',
        status: 'active',
        item: [
          { linkId: 'breathless', type: 'boolean', text: 'Mer tungpust enn vanlig?' },
          {
            linkId: 'total',
            type: 'decimal',
            text: 'Sum',
            extension: [
              {
                url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
                valueExpression: { language: 'text/fhirpath', expression: '1' },
              },
            ],
          },
        ],
      });
    return jsonResponse({}, 404);
  });
}

/** The text of the messages a control is described by (hint and error). */
function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

function renderEditor(initial = emptyForm()) {
  const onSave = vi.fn<(definition: PathwayDefinition) => Promise<unknown>>(() =>
    Promise.resolve({}),
  );
  const view = renderWithProviders(
    <PathwayEditor
      initial={initial}
      submitLabel="Lagre utkast"
      submittingLabel="Lagrer …"
      savedMessage="Utkastet er lagret."
      onSave={onSave}
    />,
  );
  return { ...view, onSave };
}

describe('pathway editor', () => {
  it('builds a questionnaire and a measurement activity with their schedules and bounds', async () => {
    serveLibrary();
    const { user, onSave } = renderEditor();
    await user.type(screen.getByLabelText('Navn på forløpet'), 'Hjertesvikt');

    await user.click(screen.getByRole('button', { name: 'Legg til skjema' }));
    const first = within(screen.getByRole('group', { name: /^Aktivitet 1 – skjema/ }));
    const picker = first.getByLabelText('Skjema');
    expect(picker).toHaveFocus();
    await screen.findByRole('option', { name: /Symptomer ved hjertesvikt \(versjon 1\.0\.0\)/ });
    // Retired versions are not offered for new activities.
    expect(within(picker).queryByRole('option', { name: /0\.9/ })).not.toBeInTheDocument();
    await user.selectOptions(picker, 'https://heima.example/fhir/Questionnaire/symptoms|1.0.0');
    expect(first.getByLabelText('Tittel')).toHaveValue('Symptomer ved hjertesvikt');
    expect(first.queryByLabelText('Dager i forløpet')).not.toBeInTheDocument();
    await user.selectOptions(first.getByLabelText('Hvor ofte'), 'RELATIVE_DAYS');
    await user.type(first.getByLabelText('Dager i forløpet'), '1, 7, 14, 30');
    // The questionnaire's calculated item is offered as a score code.
    await user.click(first.getByRole('button', { name: 'Legg til grense for poengsum' }));
    expect(await first.findByText('Skjemaet beregner: total')).toBeInTheDocument();
    const score = within(first.getByRole('group', { name: 'Poengsum 1' }));
    await user.type(score.getByLabelText(/Poengsum \(linkId\)/), 'total');
    await user.type(score.getByLabelText('Gul høy'), '10');
    await user.type(score.getByLabelText('Rød høy'), '15');

    await user.click(screen.getByRole('button', { name: 'Legg til måling' }));
    const second = within(screen.getByRole('group', { name: /^Aktivitet 2 – måling/ }));
    await user.selectOptions(second.getByLabelText('Måling'), 'BLOOD_PRESSURE');
    expect(second.getByLabelText('Tittel')).toHaveValue('Blodtrykk');
    expect(second.getByText(/LOINC 8480-6, mmHg, mulig fra 50 til 300/)).toBeInTheDocument();
    const systolic = within(
      second.getByRole('group', { name: 'Systolisk blodtrykk (LOINC 8480-6, mmHg)' }),
    );
    await user.type(systolic.getByLabelText('Gul høy'), '140');
    await user.type(systolic.getByLabelText('Rød høy'), '180');
    await user.selectOptions(second.getByLabelText('Hvor ofte'), 'WEEKDAYS');
    const weekdays = within(second.getByRole('group', { name: 'Ukedager' }));
    await user.click(weekdays.getByLabelText('Fredag'));
    await user.click(weekdays.getByLabelText('Mandag'));
    await user.clear(second.getByLabelText('Tidsvindu fra'));
    await user.type(second.getByLabelText('Tidsvindu fra'), '08:00');

    await user.type(screen.getByLabelText('Råd ved Rød (bokmål)'), 'Ring 113 ved brystsmerter.');
    await user.click(screen.getByRole('button', { name: 'Lagre utkast' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Utkastet er lagret.');
    const definition = onSave.mock.calls[0]?.[0];
    expect(definition?.name).toBe('Hjertesvikt');
    expect(definition?.activities).toEqual([
      {
        id: 'activity-1',
        type: 'QUESTIONNAIRE',
        title: 'Symptomer ved hjertesvikt',
        questionnaireUrl: 'https://heima.example/fhir/Questionnaire/symptoms',
        questionnaireVersion: '1.0.0',
        vital: null,
        schedule: {
          kind: 'RELATIVE_DAYS',
          windowStart: '07:00',
          windowEnd: '11:00',
          weekdays: [],
          intervalDays: null,
          days: [1, 7, 14, 30],
          durationDays: null,
        },
        thresholds: [{ code: 'total', redLow: null, yellowLow: null, yellowHigh: 10, redHigh: 15 }],
        trends: [],
        triggers: [],
      },
      {
        id: 'activity-2',
        type: 'MEASUREMENT',
        title: 'Blodtrykk',
        questionnaireUrl: null,
        questionnaireVersion: null,
        vital: 'BLOOD_PRESSURE',
        schedule: {
          kind: 'WEEKDAYS',
          windowStart: '08:00',
          windowEnd: '11:00',
          weekdays: ['MONDAY', 'FRIDAY'],
          intervalDays: null,
          days: [],
          durationDays: null,
        },
        thresholds: [
          { code: '8480-6', redLow: null, yellowLow: null, yellowHigh: 140, redHigh: 180 },
        ],
        trends: [],
        triggers: [],
      },
    ]);
    expect(definition?.advice?.red).toEqual({ nb: 'Ring 113 ved brystsmerter.', en: null });
  }, 90_000);

  it('authors a weight trend and an answer trigger, and keeps the stored trend', async () => {
    serveLibrary();
    const stored: PathwayDefinition = {
      name: 'Hjertesvikt',
      description: null,
      advice: null,
      activities: [
        {
          id: 'symptoms',
          type: 'QUESTIONNAIRE',
          title: 'Symptomer',
          questionnaireUrl: 'https://heima.example/fhir/Questionnaire/symptoms',
          questionnaireVersion: '1.0.0',
          schedule: { kind: 'DAILY', windowStart: '07:00', windowEnd: '11:00' },
          thresholds: [],
        },
        {
          id: 'weight',
          type: 'MEASUREMENT',
          title: 'Vekt',
          vital: 'BODY_WEIGHT',
          schedule: { kind: 'DAILY', windowStart: '07:00', windowEnd: '11:00' },
          thresholds: [],
          trends: [{ code: '29463-7', windowDays: 7, rise: null, fall: 3, level: 'RED' }],
        },
      ],
    };
    const { user, onSave } = renderEditor(fromDefinition(stored));

    const weight = within(screen.getByRole('group', { name: /^Aktivitet 2/ }));
    expect(weight.getByText('Vekt ned minst 3 kg på 7 dager gir Rød.')).toBeInTheDocument();
    await user.click(weight.getByRole('button', { name: 'Legg til trend' }));
    const trend = within(weight.getByRole('group', { name: 'Trend 2' }));
    await user.type(trend.getByLabelText('Minst (kg)'), '2');
    await user.type(trend.getByLabelText('Innen antall dager'), '3');
    expect(trend.getByText('Vekt opp minst 2 kg på 3 dager gir Gul.')).toBeInTheDocument();

    const symptoms = within(screen.getByRole('group', { name: /^Aktivitet 1/ }));
    await user.click(symptoms.getByRole('button', { name: 'Legg til svarregel' }));
    const rule = within(symptoms.getByRole('group', { name: 'Svarregel 1' }));
    await screen.findByRole('option', { name: 'Mer tungpust enn vanlig?' });
    await user.selectOptions(rule.getByLabelText('Spørsmål'), 'breathless');
    await user.click(rule.getByLabelText('Ja'));
    await user.selectOptions(rule.getByLabelText('Nivå'), 'RED');

    await user.click(screen.getByRole('button', { name: 'Lagre utkast' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Utkastet er lagret.');
    const definition = onSave.mock.calls[0]?.[0];
    expect(definition?.activities[1]?.trends).toEqual([
      { code: '29463-7', windowDays: 7, rise: null, fall: 3, level: 'RED' },
      { code: '29463-7', windowDays: 3, rise: 2, fall: null, level: 'YELLOW' },
    ]);
    expect(definition?.activities[0]?.triggers).toEqual([
      { linkId: 'breathless', atLeast: null, codes: ['true'], level: 'RED' },
    ]);
  }, 60_000);

  it('asks for what is missing before saving, and removes an activity', async () => {
    serveLibrary();
    const { user, onSave } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Lagre utkast' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Gi forløpet et navn.');
    expect(summary).toHaveTextContent('Legg til minst én aktivitet.');
    expect(summary).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Legg til måling' }));
    await user.selectOptions(screen.getByLabelText('Hvor ofte'), 'EVERY_N_DAYS');
    await user.click(screen.getByRole('button', { name: 'Lagre utkast' }));
    const interval = screen.getByLabelText('Antall dager mellom hver gang');
    expect(interval).toHaveAttribute('aria-invalid', 'true');
    expect(description(interval)).toContain('Skriv hvor mange dager det skal gå mellom hver gang.');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Aktivitet 1 – måling: Velg hva som skal måles.',
    );

    await user.click(screen.getByRole('button', { name: 'Fjern aktivitet 1' }));
    expect(screen.queryByRole('group', { name: /Aktivitet 1/ })).not.toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows the server’s field errors next to the nested fields they name', async () => {
    serveLibrary();
    const initial = fromDefinition({
      name: 'Hjertesvikt',
      description: null,
      advice: null,
      activities: [
        {
          id: 'weight',
          type: 'MEASUREMENT',
          title: 'Vekt',
          vital: 'BODY_WEIGHT',
          schedule: { kind: 'DAILY', windowStart: '11:00', windowEnd: '07:00' },
          thresholds: [],
        },
        {
          id: 'bp',
          type: 'MEASUREMENT',
          title: 'Blodtrykk',
          vital: 'BLOOD_PRESSURE',
          schedule: { kind: 'DAILY', windowStart: '07:00', windowEnd: '11:00' },
          // Only the diastolic row is filled: it is threshold [0] of what is sent.
          thresholds: [{ code: '8462-4', yellowHigh: 120, redHigh: 100 }],
        },
      ],
    });
    const { user, onSave } = renderEditor(initial);
    onSave.mockRejectedValue(
      new ProblemError({
        type: 'urn:heima:problem:validation',
        status: 400,
        errors: [
          { field: 'activities[0].schedule.windowEnd', code: 'order', message: 'end after start' },
          { field: 'activities[1].thresholds[0]', code: 'order', message: 'must rise' },
          { field: 'activities[1].thresholds[0].redHigh', code: 'range', message: 'Outside' },
          { field: 'name', code: 'too-long', message: 'At most 200 characters' },
        ],
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Lagre utkast' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Forløpet ble ikke lagret');

    const weight = within(screen.getByRole('group', { name: /^Aktivitet 1/ }));
    const windowEnd = weight.getByLabelText('Tidsvindu til');
    expect(windowEnd).toHaveAttribute('aria-invalid', 'true');
    expect(description(windowEnd)).toContain(
      'Tidsvinduet må slutte etter at det starter, samme dag.',
    );

    const bp = within(screen.getByRole('group', { name: /^Aktivitet 2/ }));
    const diastolic = bp.getByRole('group', { name: /^Diastolisk blodtrykk/ });
    expect(description(diastolic)).toContain('Grensene må stige');
    const redHigh = within(diastolic).getByLabelText('Rød høy');
    expect(description(redHigh)).toContain('Grensen må ligge mellom 20 og 200 mmHg.');
    const systolic = bp.getByRole('group', { name: /^Systolisk blodtrykk/ });
    expect(within(systolic).getByLabelText('Rød høy')).not.toHaveAttribute('aria-invalid');

    expect(description(screen.getByLabelText('Navn på forløpet'))).toContain(
      'Teksten er for lang.',
    );
    // The summary says where each error is and links to the field.
    const link = within(summary).getByRole('link', {
      name: /Aktivitet 1 – tidsvindu til: Tidsvinduet må slutte/,
    });
    await user.click(link);
    expect(windowEnd).toHaveFocus();
  });
});
