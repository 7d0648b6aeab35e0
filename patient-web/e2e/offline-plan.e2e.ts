import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownWeight } from './support/weight';
import { getJson } from './support/api';
import {
  BASE_URL,
  axeViolations,
  launchBrowser,
  requireRunningHeima,
  screenshot,
  scrollsSideways,
} from '@heima/web-common/e2e/browser';
import { session } from './support/session';

interface Task {
  title: string;
  titles?: { nb: string | null; en: string | null } | null;
}

/** axe in Norwegian and in English at the page's current size; the page is left in Norwegian. */
async function axeInBothLanguages(page: Page, name: string): Promise<string[]> {
  const nb = await axeViolations(page, `${name}-nb`);
  await screenshot(page, `${name}-nb`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const en = await axeViolations(page, `${name}-en`);
  await screenshot(page, `${name}-en`);
  await page.getByRole('button', { name: 'Norsk bokmål' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'nb');
  return [...nb, ...en];
}

// pasient1 on a phone: the standing plan, then the app opened again without network.
describe('my plan, and the app offline (360×640 and 1366×768)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await requireRunningHeima();
    browser = await launchBrowser();
    ({ context, page } = await session(browser, 'patient', 'pasient1', {
      viewport: { width: 360, height: 640 },
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
    }));
    await page.getByRole('heading', { level: 1, name: 'Hei, Kari Nordvik' }).waitFor();
  });

  afterAll(async () => {
    await context?.setOffline(false);
    await browser?.close();
  });

  it('is installable: a manifest with icons and an active service worker', async () => {
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link
        ? ((await (await fetch(link.href)).json()) as { icons: { sizes: string }[] })
        : null;
    });
    expect(manifest?.icons.map((i) => i.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${BASE_URL}/patient/`);
  });

  it('shows the standing plan: what to do when, and what to do at yellow and red', async () => {
    await page.getByRole('link', { name: /^Min plan/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Min plan' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Hjertesvikt/ }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Vekt');
    expect(text).toContain('Hver dag, mellom kl. 06:00 og 22:00');
    expect(text).toContain('Mål på nytt om en time');
    expect(text).toContain('Ring avdelingen nå');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeInBothLanguages(page, 'plan-360')).toEqual([]);

    // the viewer's language: the English titles and name of the demo pathway
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: /Heart failure/ }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Weight');
    await page.getByRole('button', { name: 'Norsk bokmål' }).click();

    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await axeInBothLanguages(page, 'plan-1366')).toEqual([]);
    await page.setViewportSize({ width: 360, height: 640 });
  });

  // The worker claims the page it was installed from (clientsClaim/skipWaiting in vite.config.ts):
  // without them the page the patient logged in on stayed uncontrolled, and a reload offline failed.
  it("reloads without network and still shows today's tasks and what waits to be sent", async () => {
    const tasks = await getJson<Task[]>(page, '/api/me/tasks');
    expect(tasks.body.length).toBeGreaterThan(0);
    await page.goto(`${BASE_URL}/patient/#/`);
    await page.getByRole('heading', { level: 2, name: /Oppgaver i dag/ }).waitFor();
    // the page is controlled by the service worker before the network goes
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });

    // something queued while offline
    const { text: kgText } = ownWeight();
    await page.getByRole('link', { name: /^(Registrer|Mål på nytt): Vekt/ }).click();
    await page.getByRole('textbox', { name: 'Vekt' }).fill(kgText);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Send målingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Målingen er lagret på enheten' }).waitFor();

    await page.goto(`${BASE_URL}/patient/#/`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Hei, Kari Nordvik' }).waitFor();
    const list = page.locator('.tasks');
    await list.waitFor();
    for (const task of tasks.body) {
      expect(await list.textContent()).toContain(task.titles?.nb ?? task.title);
    }
    const panel = page.getByRole('region', { name: 'Innsendinger' });
    expect(await panel.textContent()).toContain(`Vekt: ${kgText} kg — Venter på å sendes`);
    expect(await axeInBothLanguages(page, 'offline-reload-360')).toEqual([]);

    await context.setOffline(false);
    await panel.getByText(`Sendt: Vekt: ${kgText} kg`).waitFor({ timeout: 30_000 });
  });
});
