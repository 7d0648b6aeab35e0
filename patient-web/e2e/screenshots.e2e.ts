import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { BASE_URL, launchBrowser, requireRunningHeima } from '@heima/web-common/e2e/browser';
import { logIn } from '@heima/web-common/e2e/login';

// Screenshots of the patient's main pages at a phone's and a laptop's size, for comparing the app
// before and after a change (issue 14 keeps them in docs/images/ui/patient/{before,after}/).
// Runs only when HEIMA_SCREENSHOTS_DIR names the folder to write to, e.g.
//   HEIMA_SCREENSHOTS_DIR=../docs/images/ui/patient/after HEIMA_BASE_URL=http://localhost:8080 \
//     npm run e2e -- e2e/screenshots.e2e.ts
// It only looks (no submissions), so it can run on the demo data before the other browser tests.
const DIR = process.env.HEIMA_SCREENSHOTS_DIR;

const SIZES = [
  { name: '360', viewport: { width: 360, height: 640 }, isMobile: true },
  { name: '1280', viewport: { width: 1280, height: 800 }, isMobile: false },
] as const;

/** Waits until the page has its heading and has stopped fetching, then saves the viewport. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // charts and Refero draw after their chunk has loaded
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${resolve(DIR ?? '.', name)}.png` });
}

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${BASE_URL}/patient/${hash}`);
}

describe.skipIf(DIR === undefined)("screenshots of the patient's main pages", () => {
  let browser: Browser;

  beforeAll(async () => {
    await requireRunningHeima();
    await mkdir(resolve(DIR ?? '.'), { recursive: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const size of SIZES) {
    it(`at ${size.viewport.width}×${size.viewport.height}`, async () => {
      const context = await browser.newContext({
        viewport: size.viewport,
        isMobile: size.isMobile,
        hasTouch: size.isMobile,
        locale: 'nb-NO',
        timezoneId: 'Europe/Oslo',
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await open(page, '');
      await page.getByRole('link', { name: 'Logg inn' }).waitFor({ timeout: 120_000 });
      await shoot(page, `${size.name}-01-welcome`);

      await logIn(page, { appPath: '/patient/', loginLinkName: 'Logg inn', username: 'pasient1' });
      await page.getByRole('heading', { level: 2, name: /Oppgaver i dag/ }).waitFor();
      await shoot(page, `${size.name}-02-today`);
      const questionnaire = await page
        .getByRole('link', { name: /^Svar på: / })
        .first()
        .getAttribute('href');

      await open(page, '#/measure?vital=BLOOD_PRESSURE');
      await page.getByRole('heading', { level: 1, name: 'Registrer blodtrykk' }).waitFor();
      await shoot(page, `${size.name}-03-measure-blood-pressure`);

      if (questionnaire !== null) {
        await open(page, questionnaire.replace(/^.*#/, '#'));
        await page.getByText('Er du mer tungpusten enn vanlig?').first().waitFor();
        await shoot(page, `${size.name}-04-questionnaire`);
      }

      await open(page, '#/measurements?vital=BLOOD_PRESSURE');
      await page.getByRole('heading', { level: 1, name: 'Målingene dine' }).waitFor();
      await shoot(page, `${size.name}-05-measurements`);

      await open(page, '#/messages');
      await shoot(page, `${size.name}-06-messages`);

      await open(page, '#/access-log');
      await shoot(page, `${size.name}-07-access-log`);

      await open(page, '#/reminders');
      await shoot(page, `${size.name}-08-reminders`);

      await open(page, '#/plan');
      await shoot(page, `${size.name}-09-plan`);
      await context.close();
    });
  }
});
