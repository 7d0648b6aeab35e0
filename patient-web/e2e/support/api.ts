import type { BrowserContext, Page } from 'playwright-core';
import { BASE_URL } from './browser';

/** A GET from inside the page, with the patient's session, as the app itself would make it. */
export function getJson<T>(page: Page, path: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }, path);
}

/**
 * Whether the backend has the questionnaire-response endpoints yet: an empty POST is refused for
 * its content (400/422) when they exist, and not found (404/405) when they do not.
 */
export async function hasResponsesApi(context: BrowserContext): Promise<boolean> {
  const token = (await context.cookies(BASE_URL)).find((c) => c.name === 'XSRF-TOKEN')?.value;
  const response = await context.request.post(`${BASE_URL}/api/me/responses`, {
    headers: { 'Content-Type': 'application/json', ...(token ? { 'X-XSRF-TOKEN': token } : {}) },
    data: '{}',
  });
  return response.status() !== 404 && response.status() !== 405;
}
