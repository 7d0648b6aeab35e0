import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  DESKTOP,
  PHONE,
  launchBrowser,
  newContext,
  requireRunningHeima,
  type Viewport,
} from '@heima/web-common/e2e/browser';
import { logIn, logInClinician } from '@heima/web-common/e2e/login';

/**
 * Screenshots of the clinician's main pages, in Norwegian, at 1366×800 and 360×640 (the viewport
 * only, so the files stay small): for comparing the app before and after a change (issue 14).
 * Runs only when HEIMA_SCREENSHOTS names the folder to write to, e.g.
 *
 *   HEIMA_SCREENSHOTS=../docs/images/ui/clinician/after HEIMA_BASE_URL=http://localhost:18520 \
 *     npm run e2e -- e2e/screenshots.e2e.ts
 *
 * It first gives the demo patient Kari Nordvik (pasient1) something to look at: a red blood
 * pressure, a yellow weight, a questionnaire answer and a message.
 */
const FOLDER = process.env.HEIMA_SCREENSHOTS;
const WIDE: Viewport = { width: DESKTOP.width, height: 800 };

/** A JSON call from the page with the session and its XSRF token. */
function call(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const xsrf = document.cookie
        .split('; ')
        .find((c) => c.startsWith('XSRF-TOKEN='))
        ?.slice('XSRF-TOKEN='.length);
      const response = await fetch(path, {
        method,
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': crypto.randomUUID(),
          'X-XSRF-TOKEN': decodeURIComponent(xsrf ?? ''),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { method, path, body },
  );
}

/** Waits until the page has stopped loading: no "Henter …" status left, fonts and charts drawn. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.loading')
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => undefined);
  await page.waitForTimeout(500);
}

describe.runIf(FOLDER)('screenshots of the clinician app', () => {
  let browser: Browser;
  const folder = resolve(process.cwd(), FOLDER ?? '.');
  let patientId = '';

  beforeAll(async () => {
    await requireRunningHeima();
    await mkdir(folder, { recursive: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function shoot(page: Page, name: string, path: string, heading: string | RegExp) {
    for (const [size, viewport] of [
      ['1366', WIDE],
      ['360', PHONE],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${BASE_URL}/clinician${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 60_000 });
      await settle(page);
      await page.screenshot({ path: `${folder}/${name}-${size}.png` });
    }
  }

  it('gives Kari measurements, an answer and a message to show', async () => {
    const { context, page } = await newContext(browser, PHONE);
    try {
      await page.goto(`${BASE_URL}/patient/`);
      await logIn(page, { appPath: '/patient/', loginLinkName: 'Logg inn', username: 'pasient1' });
      const tasks = (await call(page, 'GET', '/api/me/tasks')).body as Array<{
        carePlanId: string;
        activityId: string;
      }>;
      const plan = (activity: string) => tasks.find((t) => t.activityId === activity)?.carePlanId;
      // the demo plans start when the stack does: measurements from the last few hours only
      const at = (hoursAgo: number) =>
        new Date(Date.now() - hoursAgo * 3_600_000 - 60_000).toISOString();
      for (const [hoursAgo, systolic, diastolic] of [
        [3, 128, 82],
        [2, 146, 92],
        [1, 138, 86],
        [0, 182, 110],
      ] as const) {
        const sent = await call(page, 'POST', '/api/me/measurements', {
          vital: 'BLOOD_PRESSURE',
          carePlanId: plan('blood-pressure'),
          activityId: 'blood-pressure',
          measuredAt: at(hoursAgo),
          values: [
            { code: '8480-6', value: systolic, unit: 'mm[Hg]' },
            { code: '8462-4', value: diastolic, unit: 'mm[Hg]' },
          ],
        });
        expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      }
      for (const [hoursAgo, kg] of [
        [2, 81.2],
        [1, 80.9],
        [0, 83.1],
      ] as const) {
        const sent = await call(page, 'POST', '/api/me/measurements', {
          vital: 'BODY_WEIGHT',
          carePlanId: plan('weight'),
          activityId: 'weight',
          measuredAt: at(hoursAgo),
          values: [{ code: '29463-7', value: kg, unit: 'kg' }],
        });
        expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      }
      const message = await call(page, 'POST', '/api/me/messages', {
        text: 'Jeg er mer tungpustet enn vanlig i dag, og anklene er hovne.',
        photos: [],
      });
      expect(message.status, JSON.stringify(message.body)).toBe(201);
    } finally {
      await context.close();
    }
  });

  it('the nurse’s pages: worklist, patient, answers, messages', async () => {
    const { context, page } = await newContext(browser, WIDE);
    try {
      await logInClinician(page, 'sykepleier1', 'Arbeidsliste');
      const found = await call(page, 'GET', '/api/patients?q=Kari%20Nordvik&page=0&size=5');
      patientId = (found.body as { items: Array<{ id: string }> }).items[0]?.id ?? '';
      expect(patientId).not.toBe('');
      await shoot(page, 'worklist', '/', 'Arbeidsliste');
      await shoot(page, 'caseload', '/caseload', 'Arbeidsliste');
      await shoot(page, 'patients', '/patients', /Pasient/);
      await shoot(page, 'patient-overview', `/patients/${patientId}`, /Kari Nordvik/);
      await shoot(page, 'responses', `/patients/${patientId}/responses`, /.+/);
      await shoot(page, 'messages', `/patients/${patientId}/messages`, /Meldinger/);
    } finally {
      await context.close();
    }
  });

  it('the administrator’s pages: pathways, questionnaires, audit, exports, forecast', async () => {
    const { context, page } = await newContext(browser, WIDE);
    try {
      await logInClinician(page, 'admin', 'Administrasjon');
      const pathways = (await call(page, 'GET', '/api/pathways')).body as Array<{ id: string }>;
      await shoot(page, 'pathways', '/admin/pathways', 'Forløp');
      if (pathways[0])
        await shoot(page, 'pathway-editor', `/admin/pathways/${pathways[0].id}`, /.+/);
      await shoot(page, 'questionnaires', '/admin/questionnaires', 'Skjemabibliotek');
      await shoot(page, 'audit', '/admin/audit', 'Revisjonslogg');
      await shoot(page, 'exports', '/admin/exports', 'Eksport til kvalitetsregistre');
      await shoot(page, 'forecast', '/admin/capacity-forecast', 'Kapasitetsprognose');
      await shoot(page, 'fhir-outbox', '/admin/fhir-outbox', 'Tilbakeskriving til FHIR');
    } finally {
      await context.close();
    }
  });
});
