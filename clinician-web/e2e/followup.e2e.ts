import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  DESKTOP,
  PHONE,
  newContext,
  axeViolations,
  launchBrowser,
  requireRunningHeima,
  screenshot,
  scrollsSideways,
} from '@heima/web-common/e2e/browser';
import { logIn, logInClinician } from '@heima/web-common/e2e/login';

/**
 * The heart-failure follow-up loop (issue 10): the admin adds a weight trend and an answer trigger
 * in the pathway editor and they survive a save and a reload; the patient's weight rises 2.1 kg in
 * three days and an answer worsens; the nurse's worklist shows both, and she reads the responses
 * with the changed answer marked, in both languages, accessibly at phone and desktop sizes.
 */

const RUN = `${Date.now().toString(36)}`;
const HF = 'https://heima.example/fhir/Questionnaire/heart-failure-symptoms';
const HF_CODES = 'https://heima.example/fhir/CodeSystem/heart-failure-symptoms';

/**
 * Kari's weights, two days ago and now: below anything the other suites send (the patient app's
 * test weighs 60 kg or more), so the rise within three days is this run's. Both have a tenths
 * digit from 1 to 9, so neither prints as a whole number ("48 kg" has no decimal comma, and a
 * run with such a value once failed on a pattern that wanted one): the nurse's line is known to
 * the character, "Vekt 45,7 kg (opp 2,1 kg på 3 dager)".
 */
const WEIGHT_BEFORE = 40 + (Date.now() % 10) + (1 + (Date.now() % 7)) / 10;
const WEIGHT_NOW = Math.round((WEIGHT_BEFORE + 2.1) * 10) / 10;
const WEIGHT_LINE = `Vekt ${WEIGHT_NOW.toFixed(1).replace('.', ',')} kg (opp 2,1 kg på 3 dager)`;

/** The caseload (one row per patient), from the menu. */
async function openCaseload(page: Page): Promise<void> {
  await page.goto(`${BASE_URL}/clinician/caseload`);
  await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
  await page.locator('.list-status').first().waitFor();
}

/** A JSON call from the page with the session and its XSRF token. */
function call(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const xsrf = document.cookie
        .split('; ')
        .find((c) => c.startsWith('XSRF-TOKEN='))
        ?.slice('XSRF-TOKEN='.length);
      const response = await fetch(path, {
        method,
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': crypto.randomUUID(),
          'X-XSRF-TOKEN': decodeURIComponent(xsrf ?? ''),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { method, path, body },
  );
}

/**
 * Waits until the heart-failure questionnaire is in the library: a stack just started imports its
 * built-in questionnaires after the FHIR validator has warmed up (over a minute on a busy machine),
 * and an editor opened before that has no questions to offer until it is opened again.
 */
async function awaitHeartFailureQuestionnaire(page: Page): Promise<void> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const library = await call(page, 'GET', '/api/questionnaires?page=0&size=100');
    if (library.status === 200 && JSON.stringify(library.body).includes(HF)) return;
    if (Date.now() > deadline) throw new Error(`${HF} never came into the library`);
    await page.waitForTimeout(2_000);
  }
}

/**
 * axe on the page as it is, at phone and desktop size, in Norwegian and in English; leaves the
 * page in Norwegian at desktop size. Returns the violations of all four.
 */
async function axeAtBothSizesInBothLanguages(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const language of ['nb', 'en'] as const) {
    await page
      .getByRole('button', { name: language === 'en' ? 'English' : 'Norsk bokmål' })
      .click();
    await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      found.push(...(await axeViolations(page, `${name}-${language}-${viewport.width}`)));
    }
  }
  await page.getByRole('button', { name: 'Norsk bokmål' }).click();
  await page.locator('html[lang="nb"]').waitFor({ state: 'attached' });
  return found;
}

function activity(page: Page, number: number): Locator {
  return page.getByRole('group', { name: new RegExp(`^Aktivitet ${number} – `) });
}

function symptoms(moreBreathless: boolean, swelling: string) {
  const details = moreBreathless
    ? [
        {
          linkId: 'hf-breathless-details',
          item: [
            {
              linkId: 'hf-breathless-exertion',
              answer: [{ valueCoding: { system: HF_CODES, code: 'light-exertion' } }],
            },
            {
              linkId: 'hf-breathless-since',
              answer: [{ valueCoding: { system: HF_CODES, code: 'today' } }],
            },
          ],
        },
      ]
    : [];
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    item: [
      { linkId: 'hf-breathless-rest', answer: [{ valueBoolean: false }] },
      { linkId: 'hf-more-breathless', answer: [{ valueBoolean: moreBreathless }] },
      ...details,
      { linkId: 'hf-swelling', answer: [{ valueCoding: { system: HF_CODES, code: swelling } }] },
      {
        linkId: 'hf-sleep-position',
        answer: [{ valueCoding: { system: HF_CODES, code: 'lying-as-usual' } }],
      },
      { linkId: 'hf-pillows', answer: [{ valueInteger: 2 }] },
      { linkId: 'hf-weight-gain', answer: [{ valueBoolean: false }] },
    ],
  };
}

describe('heart-failure follow-up: rules that stay, and the nurse reads the answers', () => {
  let browser: Browser;

  beforeAll(async () => {
    await requireRunningHeima();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the admin adds a weight trend and an answer trigger; both are still there after a reload', async () => {
    const admin = await newContext(browser);
    try {
      await logInClinician(admin.page, 'admin', 'Administrasjon');
      // the admin lists a colleague who has not logged in yet, so she can be given items
      const listed = await call(admin.page, 'PUT', '/api/admin/team-directory/hjerte/sykepleier3', {
        name: 'Siri Moe',
      });
      expect(listed.status).toBe(204);
      const daily = { kind: 'DAILY', windowStart: '06:00', windowEnd: '22:00' };
      const created = await call(admin.page, 'POST', '/api/pathways', {
        definition: {
          name: `Hjertesvikt trend ${RUN}`,
          activities: [
            {
              id: 'symptoms',
              type: 'QUESTIONNAIRE',
              title: 'Symptomer',
              questionnaireUrl: HF,
              questionnaireVersion: '1.0.0',
              schedule: daily,
            },
            {
              id: 'weight',
              type: 'MEASUREMENT',
              title: 'Vekt',
              vital: 'BODY_WEIGHT',
              schedule: daily,
            },
          ],
        },
      });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      await awaitHeartFailureQuestionnaire(admin.page);
      await admin.page.goto(`${BASE_URL}/clinician/admin/pathways/${id}`);
      const weight = activity(admin.page, 2);
      await weight.getByRole('button', { name: 'Legg til trend' }).click();
      await weight.getByLabel('Minst (kg)').fill('2');
      await weight.getByLabel('Innen antall dager').fill('3');
      const questions = activity(admin.page, 1);
      await questions.getByRole('button', { name: 'Legg til svarregel' }).click();
      await questions
        .getByRole('option', { name: 'Er du mer tungpusten enn vanlig?' })
        .waitFor({ state: 'attached' });
      await questions.getByLabel('Spørsmål', { exact: true }).selectOption('hf-more-breathless');
      await questions.getByLabel('Ja', { exact: true }).check();
      await screenshot(admin.page, 'followup-01-editor-rules');
      expect(await axeViolations(admin.page, 'followup-editor-nb')).toEqual([]);
      await admin.page.getByRole('button', { name: 'Lagre utkast' }).click();
      await admin.page
        .getByRole('status')
        .filter({ hasText: /lagret/ })
        .first()
        .waitFor();

      await admin.page.reload();
      const weightAgain = activity(admin.page, 2);
      await weightAgain.getByLabel('Minst (kg)').waitFor();
      expect(await weightAgain.getByLabel('Minst (kg)').inputValue()).toBe('2');
      expect(await weightAgain.getByLabel('Innen antall dager').inputValue()).toBe('3');
      const questionsAgain = activity(admin.page, 1);
      await questionsAgain
        .getByRole('option', { name: 'Er du mer tungpusten enn vanlig?' })
        .waitFor({ state: 'attached' });
      expect(await questionsAgain.getByLabel('Spørsmål', { exact: true }).inputValue()).toBe(
        'hf-more-breathless',
      );
      expect(await questionsAgain.getByLabel('Ja', { exact: true }).isChecked()).toBe(true);
      await screenshot(admin.page, 'followup-02-editor-after-reload');
      expect(await axeAtBothSizesInBothLanguages(admin.page, 'followup-editor')).toEqual([]);
    } finally {
      await admin.context.close();
    }
  }, 330_000);

  it('the patient’s weight rises 2.1 kg in three days and an answer worsens', async () => {
    const patient = await newContext(browser);
    try {
      await patient.page.goto(`${BASE_URL}/patient/`);
      await logIn(patient.page, {
        appPath: '/patient/',
        loginLinkName: 'Logg inn',
        username: 'pasient1',
      });
      const tasks = await call(patient.page, 'GET', '/api/me/tasks');
      const plan = (tasks.body as Array<{ carePlanId: string; activityId: string }>).find(
        (t) => t.activityId === 'weight',
      )?.carePlanId;
      expect(plan).toBeTruthy();
      const weight = (kg: number, daysAgo: number) =>
        call(patient.page, 'POST', '/api/me/measurements', {
          vital: 'BODY_WEIGHT',
          carePlanId: plan,
          activityId: 'weight',
          measuredAt: new Date(Date.now() - daysAgo * 86_400_000 - 60_000).toISOString(),
          values: [{ code: '29463-7', value: kg, unit: 'kg' }],
        });
      expect((await weight(WEIGHT_BEFORE, 2)).status).toBe(201);
      const risen = await weight(WEIGHT_NOW, 0);
      expect(risen.status).toBe(201);
      expect((risen.body as { triage: { level: string } }).triage.level).not.toBe('GREEN');

      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(
        new Date(),
      );
      const respond = (response: unknown) =>
        call(patient.page, 'POST', '/api/me/responses', {
          carePlanId: plan,
          activityId: 'symptoms',
          date: today,
          questionnaireResponse: response,
        });
      expect((await respond(symptoms(false, 'as-usual'))).status).toBe(201);
      const worse = await respond(symptoms(true, 'more-than-usual'));
      expect(worse.status).toBe(201);
      // more breathless alone is yellow; with the weight gain of the last three days the demo
      // pathway's combination rule (weight up and more breathless) makes it red
      expect((worse.body as { triage: { level: string } }).triage.level).toBe('RED');
    } finally {
      await patient.context.close();
    }
  });

  it('the nurse sees both on her worklist and reads the changed answer, in both languages', async () => {
    const nurse = await newContext(browser);
    try {
      await logInClinician(nurse.page, 'sykepleier1', 'Arbeidsliste');
      await openCaseload(nurse.page);
      // the caseload: one row for Kari, opened to show both items (weight trend and answers)
      await nurse.page.getByLabel('Søk på navn eller fødselsnummer').fill('Kari Nordvik');
      await nurse.page.getByLabel('Søk på navn eller fødselsnummer').press('Enter');
      await nurse.page
        .locator('.list-status')
        .filter({ hasText: /^1 pasient,/ })
        .waitFor();
      const kariRow = nurse.page.getByRole('row', { name: /Kari Nordvik/ });
      expect(await kariRow.count()).toBe(1);
      await kariRow.getByRole('button', { name: /^Vis saker\s?: Kari Nordvik$/ }).click();
      const kari = nurse.page.locator('.wl-item').filter({ hasText: 'Kari' });
      // the weight item says the trend: up 2.1 kg from the lowest earlier value in 3 days
      await kari.filter({ hasText: WEIGHT_LINE }).first().waitFor({ timeout: 20_000 });
      const response = kari.filter({ hasText: 'Les svarene' }).first();
      await response.waitFor();
      await screenshot(nurse.page, 'followup-03-worklist');
      expect(await axeAtBothSizesInBothLanguages(nurse.page, 'caseload')).toEqual([]);
      await response.getByRole('link', { name: /Les svarene/ }).click();
      const changed = nurse.page
        .getByRole('row', { name: /Er du mer tungpusten enn vanlig\?/ })
        .filter({ hasText: 'Endret' });
      await changed.waitFor();
      expect(await changed.textContent()).toContain('Ja');
      expect(await changed.textContent()).toContain('Nei');
      // the demo pathway's combination (the weight trend with the breathlessness), by its text
      await nurse.page
        .getByRole('listitem')
        .filter({ hasText: 'Vektøkning og mer tungpust innen tre dager: sammen gir de Rød' })
        .waitFor();
      expect(await nurse.page.getByText('weight-gain-and-breathless').count()).toBe(0);
      await screenshot(nurse.page, 'followup-04-responses-nb-desktop');
      expect(await axeViolations(nurse.page, 'responses-nb-1366')).toEqual([]);
      await nurse.page.setViewportSize({ width: 360, height: 640 });
      await screenshot(nurse.page, 'followup-05-responses-nb-phone');
      expect(await axeViolations(nurse.page, 'responses-nb-360')).toEqual([]);

      await nurse.page.getByRole('button', { name: 'English' }).click();
      await nurse.page
        .getByRole('row', { name: /Are you more short of breath than usual\?/ })
        .filter({ hasText: 'Changed' })
        .waitFor();
      await nurse.page
        .getByRole('listitem')
        .filter({ hasText: 'Weight gain and more breathless within three days: together' })
        .waitFor();
      await screenshot(nurse.page, 'followup-06-responses-en-phone');
      expect(await axeViolations(nurse.page, 'responses-en-360')).toEqual([]);
      await nurse.page.setViewportSize({ width: 1366, height: 768 });
      expect(await axeViolations(nurse.page, 'responses-en-1366')).toEqual([]);
      await screenshot(nurse.page, 'followup-07-responses-en-desktop');
      await nurse.page.getByRole('button', { name: 'Norsk bokmål' }).click();

      // hand the answers item to a colleague of the team
      await openCaseload(nurse.page);
      await nurse.page
        .getByRole('button', { name: /^Vis saker\s?: Kari Nordvik$/ })
        .first()
        .click();
      const answers = nurse.page.locator('.wl-item').filter({ hasText: 'Les svarene' }).first();
      await answers.getByRole('button', { name: /^Tildel\s?: Kari Nordvik$/ }).click();
      await answers.getByLabel('Tildel til').selectOption({ label: 'Siri Moe' });
      await answers.getByRole('button', { name: 'Tildel', exact: true }).click();
      await answers.filter({ hasText: 'Tatt av Siri Moe' }).waitFor();
      await screenshot(nurse.page, 'followup-08-assigned');
    } finally {
      await nurse.context.close();
    }
    const colleague = await newContext(browser, { width: 360, height: 640 });
    try {
      await logInClinician(colleague.page, 'sykepleier3', 'Arbeidsliste');
      await openCaseload(colleague.page);
      await colleague.page.getByLabel('Vis').selectOption('MINE');
      await colleague.page.getByRole('button', { name: /^Vis saker\s?: Kari Nordvik$/ }).click();
      await colleague.page.locator('.wl-item').filter({ hasText: 'Tatt av deg' }).first().waitFor();
      await screenshot(colleague.page, 'followup-09-colleague-mine-phone');
      // the wide table scrolls inside its own region, never the page
      expect(await scrollsSideways(colleague.page)).toBe(false);
      expect(await axeViolations(colleague.page, 'worklist-mine-nb-360')).toEqual([]);
    } finally {
      await colleague.context.close();
    }
  });
});
