import type { Browser, BrowserContext, Page } from 'playwright-core';
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

// One person's visit, step by step: each test builds on the one before.
describe('patient app on a phone (360×640)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await requireRunningHeima();
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
      locale: 'nb-NO',
      reducedMotion: 'reduce', // no colour transitions half-way through a screenshot or a contrast check
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows an accessible welcome page in Norwegian and in English', async () => {
    await page.goto(`${BASE_URL}/patient/`);
    await page.getByRole('heading', { level: 1, name: 'Velkommen til Heima' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await screenshot(page, 'patient-01-welcome-nb');
    expect(await axeViolations(page, 'patient-welcome-nb')).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Heima' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'patient-02-welcome-en');
    expect(await axeViolations(page, 'patient-welcome-en')).toEqual([]);

    await page.getByRole('button', { name: 'Norsk bokmål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Velkommen til Heima' }).waitFor();
  });

  it('lets pasient1 log in through the login provider and see her own record', async () => {
    await logIn(page, { appPath: '/patient/', loginLinkName: 'Logg inn', username: 'pasient1' });

    await page.getByRole('heading', { level: 1, name: 'Hei, Kari Nordvik' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Kari Nordvik');
    const record = page.getByRole('region', { name: 'Dine opplysninger' });
    await record.waitFor();
    expect(await record.textContent()).toContain('Kari Nordvik');
    expect(await record.getByText('Fødselsdato').count()).toBe(1);
    await screenshot(page, 'patient-03-record-nb');
    expect(await axeViolations(page, 'patient-record-nb')).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
  });

  it('switches the logged-in page to English and remembers it', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, Kari Nordvik' }).waitFor();
    await page.getByRole('region', { name: 'Your details' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'patient-04-record-en');
    expect(await axeViolations(page, 'patient-record-en')).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Hello, Kari Nordvik' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('logs out and is back on the welcome page', async () => {
    // A real form post: the server redirects through the login provider and back to the app.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Heima' }).waitFor();
    expect(page.url().startsWith(`${BASE_URL}/patient/`)).toBe(true);
    expect(await page.getByRole('link', { name: 'Log in' }).count()).toBe(1);
    await screenshot(page, 'patient-05-logged-out');

    // The session is really gone, not just hidden.
    const me = await page.request.get(`${BASE_URL}/api/me`);
    expect(me.status()).toBe(401);
  });
});
