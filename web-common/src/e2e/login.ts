import type { Page } from 'playwright-core';
import { BASE_URL } from './browser';

export const DEMO_PASSWORD = 'demo';

/**
 * Follows the real OIDC flow: the app's log-in link → the login provider's form (another origin)
 * → back to the app at `appPath`, and on until the app has seen the session (its own `/api/me`
 * answered 200), so what a test does next is done as the logged-in person: a login that comes back
 * logged out fails here rather than letting the test go on as nobody.
 */
export async function logIn(
  page: Page,
  options: { appPath: string; loginLinkName: string | RegExp; username: string },
): Promise<void> {
  await page.getByRole('link', { name: options.loginLinkName }).click();
  const username = page.locator('input[name="username"]');
  await username.waitFor({ state: 'visible' });
  await username.fill(options.username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForResponse(
      (response) => response.url() === `${BASE_URL}/api/me` && response.status() === 200,
      { timeout: 120_000 },
    ),
    page.waitForURL((url) => url.href.startsWith(`${BASE_URL}${options.appPath}`)),
    page.locator('button[type="submit"]').click(),
  ]);
}

/** Logs `username` in to the clinician app from its start page and waits for `heading` (h1). */
export async function logInClinician(page: Page, username: string, heading: string): Promise<void> {
  await page.goto(`${BASE_URL}/clinician/`);
  await page.getByRole('heading', { level: 1, name: 'Heima for helsepersonell' }).waitFor();
  await logIn(page, { appPath: '/clinician/', loginLinkName: 'Logg inn', username });
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
