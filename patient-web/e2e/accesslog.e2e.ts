import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from './support/api';
import {
  BASE_URL,
  axeViolations,
  launchBrowser,
  requireRunningHeima,
  screenshot,
  scrollsSideways,
} from '@heima/web-common/e2e/browser';
import { logIn } from '@heima/web-common/e2e/login';

interface PatientPage {
  items: { id: string; givenName: string; familyName: string }[];
}

// A nurse reads Kari's record in the clinician app's API with her own session; then Kari opens
// "who has looked at my data" on a phone and finds that read: the nurse's name, when, and why.
describe('the patient sees who has looked at their data (360×640)', () => {
  let browser: Browser;
  let nurse: BrowserContext;
  let patient: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await requireRunningHeima();
    browser = await launchBrowser();
    nurse = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
    patient = await browser.newContext({
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
      reducedMotion: 'reduce',
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("a nurse of Kari's team reads her record", async () => {
    const nursePage = await nurse.newPage();
    await nursePage.goto(`${BASE_URL}/clinician/`);
    await logIn(nursePage, {
      appPath: '/clinician/',
      loginLinkName: 'Logg inn',
      username: 'sykepleier1',
    });
    const found = await getJson<PatientPage>(nursePage, '/api/patients?q=Kari');
    expect(found.status).toBe(200);
    const kari = found.body.items.find((p) => p.familyName === 'Nordvik');
    expect(kari).toBeDefined();
    const read = await getJson<{ id: string }>(nursePage, `/api/patients/${kari?.id ?? ''}`);
    expect(read.status).toBe(200);
  });

  it('Kari opens "who has looked at my data" and sees the read, with time and purpose', async () => {
    page = await patient.newPage();
    await page.goto(`${BASE_URL}/patient/`);
    await logIn(page, { appPath: '/patient/', loginLinkName: 'Logg inn', username: 'pasient1' });
    await page.getByRole('heading', { level: 1, name: 'Hei, Kari Nordvik' }).waitFor();
    await page.getByRole('link', { name: 'Hvem har sett på opplysningene mine' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Hvem har sett på opplysningene mine' })
      .waitFor();

    const entry = page
      .getByRole('listitem')
      .filter({ hasText: 'Nina Berg' })
      .filter({ hasText: 'Leste' })
      .first();
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toContain('Helsehjelp: oppfølgingen din');
    await expect(entry.textContent()).resolves.toContain('personopplysningene dine');
    const time = await entry.locator('time').first().getAttribute('datetime');
    expect(time).not.toBeNull();
    // the read just made: within the last ten minutes
    expect(Date.now() - Date.parse(time ?? '')).toBeLessThan(10 * 60 * 1000);
    // her own reads are not listed as someone else's
    expect(await page.getByRole('listitem').filter({ hasText: 'Kari Nordvik' }).count()).toBe(0);

    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'access-log-nb');
    const nb = await axeViolations(page, 'access-log-nb');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who has looked at my data' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Health care: your follow-up' })
      .first()
      .waitFor();
    await screenshot(page, 'access-log-en');
    const en = await axeViolations(page, 'access-log-en');
    expect(await scrollsSideways(page)).toBe(false);
    expect([...nb, ...en]).toEqual([]);
  });
});
