import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, requireRunningHeima } from '@heima/web-common/e2e/browser';
import { logIn } from '@heima/web-common/e2e/login';

/**
 * The Content Security Policy (no inline or evaluated script) breaks nothing silently: both apps
 * and Swagger UI run under it without a single violation, and the headers are there.
 */

let browser: Browser;

beforeAll(async () => {
  await requireRunningHeima();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Records every CSP violation the page reports (the event, and Chromium's console message). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return violations;
}

describe('hardened pages', () => {
  it('serves both apps with the policy headers and no violations', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchViolations(page);
    for (const app of ['patient', 'clinician']) {
      const response = await page.goto(`${BASE_URL}/${app}/`);
      const headers = response?.headers() ?? {};
      expect(headers['content-security-policy']).toContain("script-src 'self';");
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-content-type-options']).toBe('nosniff');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    expect(violations).toEqual([]);
    await context.close();
  });

  it('runs the clinician app and Swagger UI for an admin without violations', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${BASE_URL}/clinician/`);
    await logIn(page, { appPath: '/clinician/', loginLinkName: 'Logg inn', username: 'admin' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto(`${BASE_URL}/swagger-ui.html`);
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    expect(violations).toEqual([]);
    await context.close();
  });
});
