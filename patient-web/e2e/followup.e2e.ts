import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownWeight } from './support/weight';
import { getJson, hasResponsesApi, resetQuestionnaireDraft } from './support/api';
import {
  BASE_URL,
  axeViolations,
  launchBrowser,
  requireRunningHeima,
  screenshot,
  scrollsSideways,
} from '@heima/web-common/e2e/browser';
import { logIn } from '@heima/web-common/e2e/login';

interface Task {
  title: string;
  type: string;
  state: string;
  vital: string | null;
}
interface Measurement {
  values: { code: string; value: number }[];
}

/** Ticks a checkbox or radio button the way a keyboard user does (the label covers the input). */
async function choose(locator: Locator): Promise<void> {
  await locator.focus();
  await locator.press('Space');
  expect(await locator.isChecked()).toBe(true);
}

/**
 * An option of a question, found as a patient finds it: the question's text, then the text beside
 * the radio button (a yes/no question is two radio buttons, Ja and Nei).
 */
function option(page: Page, question: string, text: string): Locator {
  return page
    .locator('.page_refero__component')
    .filter({ has: page.locator('label', { hasText: question }) })
    .last()
    .locator('label:has(input[type="radio"])')
    .filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) })
    .locator('input');
}

/** axe on the page as it is, in Norwegian and then in English; the page is left in Norwegian. */
async function axeInBothLanguages(page: Page, name: string): Promise<string[]> {
  const nb = await axeViolations(page, `${name}-nb`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const en = await axeViolations(page, `${name}-en`);
  await screenshot(page, `${name}-en`);
  await page.getByRole('button', { name: 'Norsk bokmål' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'nb');
  return [...nb, ...en];
}

// pasient1's day on a phone, step by step: each test builds on the one before.
describe('follow-up on a phone (360×640): tasks, measurements, offline, questionnaire', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const loadedScripts: string[] = [];

  beforeAll(async () => {
    await requireRunningHeima();
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    page.on('request', (request) => {
      if (request.resourceType() === 'script') loadedScripts.push(request.url());
    });
    await page.goto(`${BASE_URL}/patient/`);
    await logIn(page, { appPath: '/patient/', loginLinkName: 'Logg inn', username: 'pasient1' });
    await page.getByRole('heading', { level: 1, name: 'Hei, Kari Nordvik' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows today's tasks from the demo heart-failure pathway", async () => {
    const tasks = await getJson<Task[]>(page, '/api/me/tasks');
    expect(tasks.status).toBe(200);
    expect(tasks.body.length).toBeGreaterThan(0);

    await page.getByRole('heading', { level: 2, name: /Oppgaver i dag/ }).waitFor();
    for (const task of tasks.body) {
      await page.getByRole('heading', { level: 3, name: task.title }).waitFor();
    }
    await screenshot(page, 'followup-01-today-nb');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeInBothLanguages(page, 'followup-01-today')).toEqual([]);
  });

  it('shows an earlier day as history', async () => {
    await page.getByRole('link', { name: /Dagen før/ }).click();
    await page.getByRole('heading', { level: 2, name: /^Oppgaver / }).waitFor();
    await page.waitForFunction(() => location.hash.startsWith('#/day/'));
    await screenshot(page, 'followup-02-history-nb');
    expect(await page.getByRole('link', { name: /^Registrer: / }).count()).toBe(0);
    expect(await axeInBothLanguages(page, 'followup-02-history')).toEqual([]);
    await page.getByRole('link', { name: 'I dag' }).click();
    await page.getByRole('heading', { level: 2, name: /Oppgaver i dag/ }).waitFor();
  });

  it('stops an implausible blood pressure in the form with a clear message', async () => {
    await page.getByRole('link', { name: /^(Registrer|Mål på nytt): Blodtrykk/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrer blodtrykk' }).waitFor();
    await page.getByRole('textbox', { name: 'Øvre trykk (systolisk)' }).fill('80');
    await page.getByRole('textbox', { name: 'Nedre trykk (diastolisk)' }).fill('110');
    await page.getByRole('button', { name: 'Send målingen' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      'Det øvre trykket (systolisk) må være høyere enn det nedre (diastolisk)',
    );
    await screenshot(page, 'followup-03-bp-invalid-nb');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeInBothLanguages(page, 'followup-03-bp-invalid')).toEqual([]);
  });

  it('records blood pressure 182/110 and shows the red advice', async () => {
    await page.getByRole('textbox', { name: 'Øvre trykk (systolisk)' }).fill('182');
    await page.getByRole('textbox', { name: 'Nedre trykk (diastolisk)' }).fill('110');
    await page.getByRole('button', { name: 'Send målingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Målingen er sendt' }).waitFor();
    const advice = page.getByRole('alert');
    expect(await advice.getByRole('heading').textContent()).toContain(
      'Rød: tegn til alvorlig forverring',
    );
    expect(await advice.textContent()).toContain('Ring avdelingen nå');
    // A red measurement goes to the nurses' worklist; nobody has taken it yet.
    const review = page.getByRole('region', { name: 'Oppfølging fra sykepleier' });
    await review.getByText('Venter på vurdering').waitFor();
    await screenshot(page, 'followup-04-bp-red-nb');
    expect(await axeInBothLanguages(page, 'followup-04-bp-red')).toEqual([]);
  });

  it('records weight without network: "venter på å sendes", then exactly one stored when back online', async () => {
    // A value of its own, so the count below is about this submission only.
    const { kg, text: kgText } = ownWeight();
    await page.getByRole('link', { name: 'Tilbake til i dag' }).click();
    await page.getByRole('link', { name: /^(Registrer|Mål på nytt): Vekt/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrer vekt' }).waitFor();
    await page.getByRole('textbox', { name: 'Vekt' }).fill(kgText);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Send målingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Målingen er lagret på enheten' }).waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain('Venter på å sendes');
    await screenshot(page, 'followup-05-weight-offline-nb');
    expect(await axeInBothLanguages(page, 'followup-05-weight-offline')).toEqual([]);

    await page.getByRole('link', { name: 'Tilbake til i dag' }).click();
    const panel = page.getByRole('region', { name: 'Innsendinger' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain(`Vekt: ${kgText} kg — Venter på å sendes`);
    await screenshot(page, 'followup-06-today-waiting-nb');
    expect(await axeInBothLanguages(page, 'followup-06-today-waiting')).toEqual([]);

    await context.setOffline(false);
    await panel.getByText(`Sendt: Vekt: ${kgText} kg`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'followup-07-weight-sent-nb');

    const stored = await getJson<Measurement[]>(
      page,
      '/api/me/measurements?vital=BODY_WEIGHT&period=P1D',
    );
    expect(stored.status).toBe(200);
    const same = stored.body.filter((m) => m.values.some((v) => v.value === kg));
    expect(same).toHaveLength(1);
    await page.getByRole('button', { name: 'Lukk' }).click();
  });

  it('charts own measurements with a table alternative', async () => {
    expect(loadedScripts.some((url) => /MeasurementChart-/.test(url))).toBe(false);
    await page.getByRole('link', { name: 'Se målingene dine over tid' }).click();
    await page.getByRole('heading', { level: 1, name: 'Målingene dine' }).waitFor();
    await page.getByRole('table', { name: /Målinger av vekt/ }).waitFor();
    await page.locator('.chart__canvas canvas').first().waitFor();
    expect(loadedScripts.some((url) => /MeasurementChart-/.test(url))).toBe(true);
    await screenshot(page, 'followup-08-chart-weight-nb');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeInBothLanguages(page, 'followup-08-chart-weight')).toEqual([]);

    await page.getByRole('link', { name: 'Blodtrykk' }).click();
    await page.getByRole('table', { name: /Målinger av blodtrykk/ }).waitFor();
    expect(await page.getByRole('table').textContent()).toContain('182');
    await screenshot(page, 'followup-09-chart-bp-nb');
    expect(await axeInBothLanguages(page, 'followup-09-chart-bp')).toEqual([]);
    await page.getByRole('link', { name: 'Tilbake til i dag' }).click();
  });

  it('opens the heart-failure questionnaire (renderer loaded only now) and shows a branch after an answer', async () => {
    expect(loadedScripts.some((url) => /ReferoForm-/.test(url))).toBe(false);
    if (await hasResponsesApi(context)) await resetQuestionnaireDraft(page);
    await page
      .getByRole('link', { name: /^Svar på: / })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Symptomsjekk ved hjertesvikt' }).waitFor();
    const trigger = option(page, 'Er du mer tungpusten enn vanlig?', 'Ja');
    await trigger.waitFor();
    expect(loadedScripts.some((url) => /ReferoForm-/.test(url))).toBe(true);

    // enableWhen: the questions about breathlessness appear only after "more breathless" is ticked.
    const branch = page.getByText('Når blir du tungpusten?');
    expect(await branch.count()).toBe(0);
    await choose(trigger);
    await branch.waitFor();
    await choose(
      page.getByRole('radio', {
        name: 'Ved moderat anstrengelse, som å gå i trapper eller motbakke',
      }),
    );
    await screenshot(page, 'followup-10-questionnaire-branch-nb');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeViolations(page, 'followup-10-questionnaire-nb')).toEqual([]);

    // In English the form opens with the questionnaire's own translations.
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Heart failure symptom check' }).waitFor();
    await choose(option(page, 'Are you more short of breath than usual?', 'Yes'));
    await page.getByText('When do you get short of breath?').waitFor();
    await screenshot(page, 'followup-10-questionnaire-branch-en');
    expect(await axeViolations(page, 'followup-10-questionnaire-en')).toEqual([]);

    // Sent with questions unanswered: a summary at the top names each one, linked to its field.
    await page.getByRole('button', { name: 'Submit' }).click();
    const summary = page.getByRole('alert').filter({
      has: page.getByRole('heading', { name: /questions? needs? an answer or a correction/ }),
    });
    await summary.waitFor();
    const named = await summary.getByRole('link').allTextContents();
    expect(named).toContain('When do you get short of breath?');
    expect(named.length).toBeGreaterThanOrEqual(3);
    await summary.getByRole('link', { name: 'When do you get short of breath?' }).click();
    expect(
      await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type),
    ).toBe('radio');
    await screenshot(page, 'followup-10-questionnaire-error-summary-en');
    expect(await axeViolations(page, 'followup-10-questionnaire-error-summary-en')).toEqual([]);
    await page.getByRole('button', { name: 'Norsk bokmål' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Symptomsjekk ved hjertesvikt' }).waitFor();
  });

  // Needs PUT/GET /api/me/response-drafts/… and POST /api/me/responses on the backend. Reported as
  // skipped (not passed) until they are there.
  it('saves the questionnaire halfway, reloads, resumes and submits', async (ctx) => {
    if (!(await hasResponsesApi(context))) {
      console.warn('Skipped: the backend has no /api/me/responses yet');
      ctx.skip();
    }
    const trigger = option(page, 'Er du mer tungpusten enn vanlig?', 'Ja');
    await choose(trigger);
    const branch = page.getByText('Når blir du tungpusten?');
    await branch.waitFor();
    await choose(
      page.getByRole('radio', {
        name: 'Ved moderat anstrengelse, som å gå i trapper eller motbakke',
      }),
    );

    await page.getByRole('button', { name: 'Lagre og fortsett senere' }).click();
    await page.getByText(/Lagret kl\./).waitFor();

    await page.reload();
    await page.getByText(/Du fortsetter der du slapp/).waitFor();
    await branch.waitFor();
    expect(await trigger.isChecked()).toBe(true);
    await screenshot(page, 'followup-11-questionnaire-resumed-nb');

    // Sent too early: the summary at the top names each unanswered question, in Norwegian.
    await page.getByRole('button', { name: 'Send inn' }).click();
    const summary = page.getByRole('alert').filter({
      has: page.getByRole('heading', { name: /spørsmål må besvares eller rettes/ }),
    });
    await summary.waitFor();
    const named = await summary.getByRole('link').allTextContents();
    expect(named).toEqual(
      expect.arrayContaining([
        'Er du tungpusten når du sitter eller ligger i ro?',
        'Hvor lenge har det vært slik?',
        'Har du hevelse i anklene eller bena?',
      ]),
    );
    expect(named).not.toContain('Når blir du tungpusten?'); // answered
    await screenshot(page, 'followup-11-questionnaire-error-summary-nb');
    expect(await axeViolations(page, 'followup-11-questionnaire-error-summary-nb')).toEqual([]);

    // The rest of the required answers.
    await choose(page.getByRole('radio', { name: 'Fra i dag' }));
    await choose(option(page, 'Har du hevelse i anklene eller bena?', 'Nei'));
    // yes/no questions are answered, "No" too: nothing is sent for the patient
    await choose(option(page, 'Er du tungpusten når du sitter eller ligger i ro?', 'Nei'));
    await choose(option(page, 'Har du merket at vekten har gått opp de siste dagene?', 'Nei'));
    await choose(page.getByRole('radio', { name: 'Liggende, som vanlig' }));
    await page.getByRole('button', { name: 'Send inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Takk, svarene er sendt' }).waitFor();
    await screenshot(page, 'followup-12-questionnaire-sent-nb');
    expect(await axeInBothLanguages(page, 'followup-12-questionnaire-sent')).toEqual([]);
  });
});
