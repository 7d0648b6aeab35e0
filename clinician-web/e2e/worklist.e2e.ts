import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  newContext,
  axeViolations,
  launchBrowser,
  requireRunningHeima,
  screenshot,
} from '@heima/web-common/e2e/browser';
import { logIn, logInClinician } from '@heima/web-common/e2e/login';

/**
 * The worklist live: the nurse has the list open, the patient (in another browser context)
 * sends a red blood pressure, and the item must show up without a reload. She takes it and
 * resolves it with a message the patient then gets; a nurse of another team never sees it.
 */

async function openWorklist(page: Page, username: string): Promise<void> {
  await logInClinician(page, username, 'Arbeidsliste');
  await page.locator('.list-status').first().waitFor();
}

interface SentMeasurement {
  status: number;
  id: string;
}

/** Posts a red blood pressure as the logged-in patient, through the API from the page. */
function sendRedBloodPressure(page: Page): Promise<SentMeasurement> {
  return page.evaluate(async () => {
    const tasks = (await (await fetch('/api/me/tasks')).json()) as Array<{
      carePlanId: string;
      activityId: string;
    }>;
    const task = tasks.find((t) => t.activityId === 'blood-pressure');
    if (!task) throw new Error(`no blood-pressure task in ${JSON.stringify(tasks)}`);
    const xsrf = document.cookie
      .split('; ')
      .find((c) => c.startsWith('XSRF-TOKEN='))
      ?.slice('XSRF-TOKEN='.length);
    const response = await fetch('/api/me/measurements', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
        'X-XSRF-TOKEN': decodeURIComponent(xsrf ?? ''),
      },
      body: JSON.stringify({
        vital: 'BLOOD_PRESSURE',
        carePlanId: task.carePlanId,
        activityId: 'blood-pressure',
        measuredAt: new Date().toISOString(),
        values: [
          { code: '8480-6', value: 182, unit: 'mm[Hg]' },
          { code: '8462-4', value: 110, unit: 'mm[Hg]' },
        ],
      }),
    });
    const body = (await response.json()) as { id?: string };
    return { status: response.status, id: body.id ?? '' };
  });
}

describe('worklist, live', () => {
  let browser: Browser;
  let nurse: { context: BrowserContext; page: Page };
  let patient: { context: BrowserContext; page: Page };
  const note = `Ringte Kari ${Date.now()}`;
  let patientHref = '';
  const message = `Mål blodtrykket igjen i kveld (${Date.now()}).`;

  beforeAll(async () => {
    await requireRunningHeima();
    browser = await launchBrowser();
    nurse = await newContext(browser);
    patient = await newContext(browser);
  });

  afterAll(async () => {
    await nurse?.context.close();
    await patient?.context.close();
    await browser?.close();
  });

  it('shows the nurse her worklist, accessibly', async () => {
    await openWorklist(nurse.page, 'sykepleier1');
    await screenshot(nurse.page, 'worklist-01-before');
    expect(await axeViolations(nurse.page, 'worklist-nb')).toEqual([]);
  });

  it('puts the patient’s red blood pressure on the open worklist without a reload', async () => {
    await patient.page.goto(`${BASE_URL}/patient/`);
    await logIn(patient.page, {
      appPath: '/patient/',
      loginLinkName: 'Logg inn',
      username: 'pasient1',
    });
    // Nothing may reload the nurse's page: a marker on window would vanish if it did.
    await nurse.page.evaluate(() => {
      (window as unknown as { heimaNoReload: boolean }).heimaNoReload = true;
    });

    const started = Date.now();
    const sent = await sendRedBloodPressure(patient.page);
    expect(sent.status).toBe(201);
    const row = nurse.page
      .locator('.wl-item--red')
      .filter({ hasText: 'Kari' })
      .filter({ hasText: '182' })
      .filter({ hasText: 'Ikke tatt' })
      .first();
    await row.waitFor({ timeout: 20_000 });
    const delay = Date.now() - started;
    console.log('worklist delay ms', delay);
    expect(
      await nurse.page.evaluate(
        () => (window as unknown as { heimaNoReload?: boolean }).heimaNoReload,
      ),
    ).toBe(true);
    // the announcement follows the live event; give it a moment instead of reading it at once
    await nurse.page
      .locator('[aria-live="polite"]')
      .filter({ hasText: 'Ny rød sak' })
      .first()
      .waitFor({ state: 'attached', timeout: 10_000 });
    await screenshot(nurse.page, 'worklist-02-live-red');
    expect(await axeViolations(nurse.page, 'worklist-live-nb')).toEqual([]);
  });

  it('lets the nurse take it and resolve it with a message to the patient', async () => {
    const row = nurse.page
      .locator('.wl-item--red')
      .filter({ hasText: 'Kari' })
      .filter({ hasText: 'Ikke tatt' })
      .last();
    const heading = await row.getByRole('heading', { level: 2 }).getAttribute('id');
    expect(heading).not.toBeNull();
    const mine = nurse.page.locator(`.wl-item:has([id="${heading}"])`);
    patientHref = (await mine.getByRole('link').first().getAttribute('href')) ?? '';
    expect(patientHref).toMatch(/^\/clinician\/patients\//);
    await mine.getByRole('button', { name: /^Jeg tar den/ }).click();
    await mine.getByText('Tatt av deg').waitFor();
    await mine.getByRole('button', { name: /^Løs/ }).click();
    await mine.getByRole('button', { name: 'Marker som løst' }).click();
    await mine.getByText('Skriv et notat.').waitFor(); // nothing is sent without a note
    await mine.getByLabel('Tiltak').selectOption('CALLED_PATIENT');
    await mine.getByLabel('Notat').fill(note);
    await mine.getByLabel('Melding til pasienten (valgfri)').fill(message);
    await screenshot(nurse.page, 'worklist-03-resolve-form');
    await mine.getByRole('button', { name: 'Marker som løst' }).click();
    await mine.waitFor({ state: 'detached' });
    await screenshot(nurse.page, 'worklist-04-resolved');
  });

  it('gives the patient the nurse’s message', async () => {
    const reviews = await patient.page.evaluate(async () => {
      const response = await fetch('/api/me/reviews');
      return (await response.json()) as Array<{ message: string | null; status: string }>;
    });
    expect(reviews.some((r) => r.message === message && r.status === 'RESOLVED')).toBe(true);

    // and on the patient's own page: the Today page lists the nurses' messages
    await patient.page.goto(`${BASE_URL}/patient/`);
    await patient.page.getByRole('heading', { name: 'Meldinger fra sykepleier' }).waitFor();
    await patient.page.getByText(message).first().waitFor();
    await screenshot(patient.page, 'worklist-06-patient-sees-the-note');
  });

  it('shows the item on the patient overview, with the chart, accessibly', async () => {
    await nurse.page.goto(`${BASE_URL}${patientHref}`);
    await nurse.page.getByRole('heading', { level: 2, name: 'Hendelser' }).waitFor();
    await nurse.page.getByText(note).first().waitFor();
    await nurse.page.locator('.vital-chart canvas').first().waitFor();
    await screenshot(nurse.page, 'worklist-05-overview');
    expect(await axeViolations(nurse.page, 'patient-overview-nb')).toEqual([]);
  });

  it('never shows the item to a nurse of another team', async () => {
    const other = await newContext(browser);
    try {
      await openWorklist(other.page, 'sykepleier2');
      expect(await other.page.getByText(note).count()).toBe(0);
      expect(await other.page.locator('.wl-item').filter({ hasText: 'Kari' }).count()).toBe(0);
      await screenshot(other.page, 'worklist-06-other-team');
    } finally {
      await other.context.close();
    }
  });
});
