import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  launchBrowser,
  requireRunningHeima,
  screenshot,
  scrollsSideways,
} from '@heima/web-common/e2e/browser';
import { session } from './support/session';

// pasient1 on a phone: the reminder choices, in both languages, saved and read back.
describe('reminder choices (360×640)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await requireRunningHeima();
    browser = await launchBrowser();
    ({ page } = await session(browser, 'patient', 'pasient1', {
      viewport: { width: 360, height: 640 },
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
    }));
    await page.getByRole('heading', { level: 1, name: 'Hei, Kari Nordvik' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the start page, saves a change and shows it after a reload; axe 0 in nb and en', async () => {
    await page.getByRole('link', { name: /^Påminnelser/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Påminnelser' }).waitFor();
    const before = page.getByLabel('Før tiden for en oppgave går ut');
    const next = (await before.inputValue()) === '120' ? '30' : '120';
    await before.selectOption(next);
    await page.getByRole('button', { name: 'Lagre valgene' }).click();
    await page.getByText('Valgene er lagret.').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    const nb = await axeViolations(page, 'reminders-nb');
    await screenshot(page, 'reminders-nb');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Påminnelser' }).waitFor();
    expect(await page.getByLabel('Før tiden for en oppgave går ut').inputValue()).toBe(next);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reminders' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    const en = await axeViolations(page, 'reminders-en');
    await screenshot(page, 'reminders-en');
    await page.getByRole('button', { name: 'Norsk bokmål' }).click();
    expect([...nb, ...en]).toEqual([]);
  });
});
