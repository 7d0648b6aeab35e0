import type { BrowserContext, Page } from 'playwright-core';
import { BASE_URL } from '@heima/web-common/e2e/browser';

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

/**
 * Makes the questionnaire task of today start empty again (a rerun against the same data would
 * otherwise resume the last run's draft), and fails plainly when it was already submitted today.
 */
export async function resetQuestionnaireDraft(page: Page): Promise<void> {
  const done = await page.evaluate(async () => {
    const tasks = (await (await fetch('/api/me/tasks')).json()) as {
      type: string;
      state: string;
      carePlanId: string;
      activityId: string;
      date: string;
    }[];
    const task = tasks.find((t) => t.type === 'QUESTIONNAIRE');
    if (!task) throw new Error('pasient1 has no questionnaire task today');
    if (task.state === 'DONE') return true;
    const token = document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '';
    const response = await fetch(
      `/api/me/response-drafts/${task.carePlanId}/${task.activityId}/${task.date}`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token) },
        body: JSON.stringify({
          questionnaireResponse: { resourceType: 'QuestionnaireResponse', status: 'in-progress' },
        }),
      },
    );
    if (!response.ok && response.status !== 404) throw new Error(`draft reset: ${response.status}`);
    return false;
  });
  if (done) {
    throw new Error(
      "pasient1's questionnaire was already submitted today: run against a fresh HEIMA_DATA_DIR",
    );
  }
}
