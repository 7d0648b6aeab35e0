import type { APIResponse, Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL } from '@heima/web-common/e2e/browser';
import { DEMO_PASSWORD } from '@heima/web-common/e2e/login';

/** A logged-in person: the page and API calls made with their session (and XSRF token). */
export interface Session {
  context: BrowserContext;
  page: Page;
  call: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<APIResponse>;
}

/** Logs `username` in through the real login provider, at the patient or the clinician app. */
export async function session(
  browser: Browser,
  app: 'patient' | 'clinician',
  username: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Session> {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/${app}/`);
  // the real OIDC flow (as support/login.ts), with room for a slow first start of the apps
  await page.getByRole('link', { name: 'Logg inn' }).click({ timeout: 120_000 });
  await page.locator('input[name="username"]').fill(username, { timeout: 120_000 });
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.href.startsWith(`${BASE_URL}/${app}/`), {
      timeout: 120_000,
      waitUntil: 'domcontentloaded',
    }),
    page.locator('button[type="submit"]').click(),
  ]);
  const call: Session['call'] = async (method, path, body, headers = {}) => {
    const token = (await context.cookies(BASE_URL)).find((c) => c.name === 'XSRF-TOKEN')?.value;
    return context.request.fetch(`${BASE_URL}${path}`, {
      method,
      // an import validates with HAPI: slow the first time after a start
      timeout: 180_000,
      headers: {
        Accept: 'application/json',
        ...(body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)
          ? { 'Content-Type': 'application/json' }
          : {}),
        ...(token ? { 'X-XSRF-TOKEN': decodeURIComponent(token) } : {}),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : {
            data: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
          }),
    });
  };
  return { context, page, call };
}

/** The body of an answer that must have `status`, else an error that shows what came back. */
export async function expectStatus<T>(response: APIResponse, ...status: number[]): Promise<T> {
  const text = await response.text();
  if (!status.includes(response.status())) {
    throw new Error(`${response.url()} answered ${response.status()}: ${text.slice(0, 500)}`);
  }
  return (text ? JSON.parse(text) : null) as T;
}
