import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  newContext,
  axeViolations,
  launchBrowser,
  requireRunningHeima,
  screenshot,
  scrollsSideways,
} from '@heima/web-common/e2e/browser';
import { logIn } from '@heima/web-common/e2e/login';

/**
 * Messages end to end: the patient (on a 360×640 phone) writes with a photo; the nurse, with the
 * worklist open, sees a MESSAGE item appear live, opens the conversation, sees the photo and
 * answers; the patient sees the answer and that the nurse read theirs; the nurse sees that the
 * patient read hers, and takes and resolves the item like any other.
 */

const PHOTO = new URL('./fixtures/wound.png', import.meta.url);

/** Whether every photo on the page has loaded and decoded (a broken image has no width). */
function photosLoaded(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('img.message__photo')).every(
      (img) => img.complete && img.naturalWidth > 0,
    ),
  );
}

describe('messages with photos, live on the worklist', () => {
  let browser: Browser;
  let nurse: { context: BrowserContext; page: Page };
  let patient: { context: BrowserContext; page: Page };
  const text = `Såret på leggen er rødt og varmt i dag (${Date.now()}). Temperatur < 38.`;
  const answer = `Takk, Kari. Vi ringer deg før klokka tre (${Date.now()}).`;

  beforeAll(async () => {
    await requireRunningHeima();
    browser = await launchBrowser();
    nurse = await newContext(browser, { width: 1280, height: 900 });
    patient = await newContext(browser, { width: 360, height: 640 });
  });

  afterAll(async () => {
    await nurse?.context.close();
    await patient?.context.close();
    await browser?.close();
  });

  it('opens the nurse’s worklist and the patient’s message page', async () => {
    await nurse.page.goto(`${BASE_URL}/clinician/`);
    await logIn(nurse.page, {
      appPath: '/clinician/',
      loginLinkName: 'Logg inn',
      username: 'sykepleier1',
    });
    await nurse.page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
    await nurse.page.locator('.list-status').first().waitFor();
    await nurse.page.evaluate(() => {
      (window as unknown as { heimaNoReload: boolean }).heimaNoReload = true;
    });

    await patient.page.goto(`${BASE_URL}/patient/`);
    await logIn(patient.page, {
      appPath: '/patient/',
      loginLinkName: 'Logg inn',
      username: 'pasient1',
    });
    await patient.page.getByRole('link', { name: 'Skriv til behandlingsteamet ditt' }).click();
    await patient.page
      .getByRole('heading', { level: 1, name: 'Meldinger til behandlingsteamet' })
      .waitFor();
    expect(await axeViolations(patient.page, 'messages-patient-empty-nb')).toEqual([]);
    expect(await scrollsSideways(patient.page)).toBe(false);
  });

  it('sends the patient’s message with a photo; the text stays text', async () => {
    const page = patient.page;
    await page.getByLabel('Melding', { exact: true }).fill(text);
    await page.getByLabel('Bilder (valgfritt)').setInputFiles({
      name: 'legg.png',
      mimeType: 'image/png',
      buffer: await readFile(PHOTO),
    });
    await screenshot(page, 'messages-01-patient-writes');
    await page.getByRole('button', { name: 'Send' }).click();
    const mine = page.locator('.message--mine').filter({ hasText: text });
    await mine.waitFor();
    await mine.getByText('Ikke lest ennå').waitFor();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('img.message__photo')).some(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    );
    await screenshot(page, 'messages-02-patient-sent');
    expect(await axeViolations(page, 'messages-patient-sent-nb')).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
  });

  it('puts a MESSAGE item on the open worklist without a reload', async () => {
    const item = nurse.page.locator('.wl-item--message').filter({ hasText: 'Kari' }).first();
    await item.waitFor({ timeout: 20_000 });
    await item.getByText('Ny melding fra pasienten').waitFor();
    expect(await item.textContent()).not.toContain('Såret');
    expect(
      await nurse.page.evaluate(
        () => (window as unknown as { heimaNoReload?: boolean }).heimaNoReload,
      ),
    ).toBe(true);
    await screenshot(nurse.page, 'messages-03-worklist-live');
    expect(await axeViolations(nurse.page, 'messages-worklist-nb')).toEqual([]);
  });

  it('lets the nurse open it, see the photo and answer as herself', async () => {
    const page = nurse.page;
    const item = page.locator('.wl-item--message').filter({ hasText: 'Kari' }).first();
    await item.getByRole('link', { name: /^Les og svar på meldingen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Meldinger med Kari Nordvik' }).waitFor();
    const theirs = page.locator('.message--patient').filter({ hasText: text });
    await theirs.waitFor();
    await theirs.getByRole('img', { name: 'Bilde fra pasienten, 1 av 1' }).waitFor();
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('img.message__photo')).some(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    );
    expect(await photosLoaded(page)).toBe(true);
    // opening it is reading it: the receipt carries her name
    await theirs.getByText(/^Lest av Nina Berg kl\. \d{2}[.:]\d{2}$/).waitFor();
    await page.getByLabel('Din melding').fill(answer);
    await page.getByRole('button', { name: 'Send' }).click();
    const mine = page.locator('.message--team').filter({ hasText: answer });
    await mine.waitFor();
    await mine.getByText('Ikke lest ennå').waitFor();
    await screenshot(page, 'messages-04-nurse-answers');
    expect(await axeViolations(page, 'messages-conversation-nb')).toEqual([]);
  });

  it('shows the patient the answer and that the nurse read the message', async () => {
    const page = patient.page;
    await page.reload();
    const theirs = page.locator('.message--team').filter({ hasText: answer });
    await theirs.waitFor();
    await theirs.getByText('Nina Berg, behandlingsteamet').waitFor();
    await page
      .locator('.message--mine')
      .filter({ hasText: text })
      .getByText(/^Lest av Nina Berg kl\. \d{2}[.:]\d{2}$/)
      .waitFor();
    await screenshot(page, 'messages-05-patient-sees-answer');
    expect(await axeViolations(page, 'messages-patient-answered-nb')).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
  });

  it('shows the nurse that the patient read the answer, and the item is resolved like any other', async () => {
    const page = nurse.page;
    await page
      .locator('.message--team')
      .filter({ hasText: answer })
      .getByText(/^Lest av Kari Nordvik kl\. \d{2}[.:]\d{2}$/)
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'messages-06-nurse-sees-receipt');
    await page.goBack();
    const item = page.locator('.wl-item--message').filter({ hasText: 'Kari' }).first();
    await item.waitFor();
    await item.getByRole('button', { name: /^Jeg tar den/ }).click();
    await item.getByText('Tatt av deg').waitFor();
    await item.getByRole('button', { name: /^Løs/ }).click();
    await item.getByLabel('Tiltak').selectOption('CALLED_PATIENT');
    await item.getByLabel('Notat').fill('Svarte på meldingen og ringte.');
    await item.getByRole('button', { name: 'Marker som løst' }).click();
    await item.waitFor({ state: 'detached' });
    await screenshot(page, 'messages-07-resolved');
  });
});
