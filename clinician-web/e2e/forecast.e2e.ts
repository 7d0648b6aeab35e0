import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  axeViolations,
  launchBrowser,
  requireRunningHeima,
  screenshot,
  scrollsSideways,
} from '@heima/web-common/e2e/browser';
import { logIn } from '@heima/web-common/e2e/login';

/**
 * The capacity forecast as an admin sees it: reached from the administration page, the chart and
 * the per-day table there, no axe violations and no sideways scrolling at 1366×768 and 360×640, in
 * Norwegian and English.
 */

let browser: Browser;

beforeAll(async () => {
  await requireRunningHeima();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('capacity forecast', () => {
  it('shows an admin the next two weeks, accessibly, at both sizes and in both languages', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    try {
      await page.goto(`${BASE_URL}/clinician/`);
      await page.getByRole('heading', { level: 1, name: 'Heima for helsepersonell' }).waitFor();
      await logIn(page, { appPath: '/clinician/', loginLinkName: 'Logg inn', username: 'admin' });
      await page.getByRole('heading', { level: 1, name: 'Administrasjon' }).waitFor();
      await page.getByRole('link', { name: 'Kapasitetsprognose' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kapasitetsprognose' }).waitFor();
      const perDay = page.getByRole('region', { name: 'Per dag' });
      await perDay.waitFor();
      expect(await perDay.getByRole('row').count()).toBe(15);
      await page.locator('.band-chart canvas').first().waitFor();
      await screenshot(page, 'forecast-nb-1366');
      expect(await axeViolations(page, 'forecast-nb-1366')).toEqual([]);

      await page.setViewportSize({ width: 360, height: 640 });
      expect(await scrollsSideways(page)).toBe(false);
      expect(await axeViolations(page, 'forecast-nb-360')).toEqual([]);

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Capacity forecast' }).waitFor();
      expect(await axeViolations(page, 'forecast-en-360')).toEqual([]);
      await page.setViewportSize({ width: 1366, height: 768 });
      expect(await axeViolations(page, 'forecast-en-1366')).toEqual([]);
      await screenshot(page, 'forecast-en-1366');
    } finally {
      await context.close();
    }
  });
});
