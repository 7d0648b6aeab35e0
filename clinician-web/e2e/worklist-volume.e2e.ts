import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  newContext,
  OUTPUT_DIR,
  axeViolations,
  launchBrowser,
  requireRunningHeima,
  screenshot,
  scrollsSideways,
} from '@heima/web-common/e2e/browser';
import { logIn } from '@heima/web-common/e2e/login';

/**
 * The nurse's worklist at volume (issue 17): 500 open items for her team, raised through the real
 * API as red blood pressures from a patient of team hjerte, must load, page forwards to the end and
 * back, and stay accessible. Other browser tests may leave items on the same list, so totals are
 * "at least", and paging is checked by what each page holds. Prints the time to the first page's
 * rows and to the next page (docs/benchmarks.md, "Worklist in the browser").
 */

const ITEMS = 500;
const PAGE_SIZE = 50;
// Values no other browser test sends, so their filters on 182 / 110 never pick these rows.
const SYSTOLIC = 197;
const DIASTOLIC = 123;

/** Sends `count` red blood pressures as the logged-in patient, a few at a time; returns their ids. */
function sendRedBloodPressures(page: Page, count: number): Promise<string[]> {
  return page.evaluate(
    async ({ count, systolic, diastolic }) => {
      const tasks = (await (await fetch('/api/me/tasks')).json()) as Array<{
        carePlanId: string;
        activityId: string;
      }>;
      const task = tasks.find((t) => t.activityId === 'blood-pressure');
      if (!task) throw new Error(`no blood-pressure task in ${JSON.stringify(tasks)}`);
      const xsrf = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('XSRF-TOKEN='))
          ?.slice('XSRF-TOKEN='.length) ?? '',
      );
      const start = Date.now() - count * 1000;
      const ids: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < count) {
          const i = next++;
          const response = await fetch('/api/me/measurements', {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'Idempotency-Key': crypto.randomUUID(),
              'X-XSRF-TOKEN': xsrf,
            },
            body: JSON.stringify({
              vital: 'BLOOD_PRESSURE',
              carePlanId: task.carePlanId,
              activityId: 'blood-pressure',
              measuredAt: new Date(start + i * 1000).toISOString(),
              values: [
                { code: '8480-6', value: systolic, unit: 'mm[Hg]' },
                { code: '8462-4', value: diastolic, unit: 'mm[Hg]' },
              ],
            }),
          });
          if (response.status !== 201) {
            throw new Error(`measurement ${i}: ${response.status} ${await response.text()}`);
          }
          ids.push(((await response.json()) as { id: string }).id);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      return ids;
    },
    { count, systolic: SYSTOLIC, diastolic: DIASTOLIC },
  );
}

/** Ids of the worklist items on screen, in order (each item's heading carries `wl-<id>`). */
function itemIdsOnScreen(page: Page): Promise<string[]> {
  return page.$$eval('.wl-list > li h2[id]', (headings) =>
    headings.map((h) => h.id.replace(/^wl-/, '')),
  );
}

/** "Viser 51–100 av 512" → [51, 100, 512]. */
async function shownRange(page: Page): Promise<[number, number, number]> {
  const text = (await page.locator('.wl-pager__range').textContent()) ?? '';
  const numbers = text.match(/\d+/g)?.map(Number) ?? [];
  expect(numbers, text).toHaveLength(3);
  return numbers as [number, number, number];
}

async function waitForRange(page: Page, from: number, to?: number): Promise<void> {
  const until = to === undefined ? '\\d+' : String(to);
  await page
    .locator('.wl-pager__range')
    .filter({ hasText: new RegExp(`^\\D*${from}\\D+${until}\\D+\\d+\\D*$`) })
    .waitFor({ timeout: 30_000 });
}

describe('worklist with 500 open items', () => {
  let browser: Browser;
  let nurse: { context: BrowserContext; page: Page };
  let patient: { context: BrowserContext; page: Page };
  let measurementIds: string[] = [];
  let total = 0;

  beforeAll(async () => {
    await requireRunningHeima();
    browser = await launchBrowser();
    patient = await newContext(browser, { width: 1366, height: 768 });
    await patient.page.goto(`${BASE_URL}/patient/`);
    await logIn(patient.page, {
      appPath: '/patient/',
      loginLinkName: 'Logg inn',
      username: 'pasient1',
    });
    const started = Date.now();
    measurementIds = await sendRedBloodPressures(patient.page, ITEMS);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `seeded ${measurementIds.length} red blood pressures through the API in ${seconds.toFixed(1)} s`,
    );

    nurse = await newContext(browser, { width: 1366, height: 768 });
    await nurse.page.goto(`${BASE_URL}/clinician/`);
    await logIn(nurse.page, {
      appPath: '/clinician/',
      loginLinkName: 'Logg inn',
      username: 'sykepleier1',
    });
    await nurse.page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
  }, 300_000);

  afterAll(async () => {
    // Resolve what this test raised, so later tests meet a worklist of ordinary size.
    if (nurse && measurementIds.length > 0) {
      await nurse.page
        .evaluate(async (sources) => {
          const wanted = new Set(sources);
          const xsrf = decodeURIComponent(
            document.cookie
              .split('; ')
              .find((c) => c.startsWith('XSRF-TOKEN='))
              ?.slice('XSRF-TOKEN='.length) ?? '',
          );
          const ids: string[] = [];
          for (let page = 0; ; page++) {
            const body = (await (await fetch(`/api/worklist?page=${page}&size=200`)).json()) as {
              items: Array<{ id: string; sourceKey: string }>;
            };
            ids.push(...body.items.filter((i) => wanted.has(i.sourceKey)).map((i) => i.id));
            if (body.items.length < 200) break;
          }
          let next = 0;
          const worker = async () => {
            while (next < ids.length) {
              const id = ids[next++] as string;
              await fetch(`/api/worklist/${id}/resolve`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf },
                body: JSON.stringify({ action: 'NO_ACTION_NEEDED', note: 'Volume test' }),
              });
            }
          };
          await Promise.all(Array.from({ length: 8 }, worker));
        }, measurementIds)
        .catch((error: unknown) => console.warn('could not resolve the volume items', error));
    }
    await nurse?.context.close();
    await patient?.context.close();
    await browser?.close();
  }, 300_000);

  it('raised one open item per measurement', () => {
    expect(new Set(measurementIds).size).toBe(ITEMS);
  });

  it('shows the first 50 of at least 500 items, and how long that takes', async () => {
    const page = nurse.page;
    const started = performance.now();
    await page.goto(`${BASE_URL}/clinician/`);
    await page
      .locator('.wl-list > li')
      .nth(PAGE_SIZE - 1)
      .waitFor({ timeout: 30_000 });
    const firstPageMs = performance.now() - started;
    console.log(
      `worklist: navigation to the first page's ${PAGE_SIZE} rows visible: ${firstPageMs.toFixed(0)} ms`,
    );

    expect(await page.locator('.wl-list > li').count()).toBe(PAGE_SIZE);
    const [from, to, shownTotal] = await shownRange(page);
    expect([from, to]).toEqual([1, PAGE_SIZE]);
    expect(shownTotal).toBeGreaterThanOrEqual(ITEMS);
    total = shownTotal;
    const nav = page.getByRole('navigation', { name: 'Sider i arbeidslisten' });
    expect(
      await nav.getByRole('button', { name: 'Side 1', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    expect(
      await nav.getByRole('button', { name: 'Forrige side' }).getAttribute('aria-disabled'),
    ).toBe('true');
    await screenshot(page, 'worklist-volume-01-first-page-1366');
    expect(await axeViolations(page, 'worklist-volume-nb')).toEqual([]);
  });

  it('turns to the next page: the next 50, none of them on the first', async () => {
    const page = nurse.page;
    const first = await itemIdsOnScreen(page);
    const next = page.getByRole('button', { name: 'Neste side' });
    await next.focus();
    const started = performance.now();
    await page.keyboard.press('Enter'); // the keyboard alone turns the page
    await waitForRange(page, PAGE_SIZE + 1);
    await page
      .locator('.wl-list[aria-busy="false"] > li')
      .nth(PAGE_SIZE - 1)
      .waitFor();
    const nextPageMs = performance.now() - started;
    console.log(`worklist: next page's ${PAGE_SIZE} rows visible: ${nextPageMs.toFixed(0)} ms`);

    const second = await itemIdsOnScreen(page);
    expect(second).toHaveLength(PAGE_SIZE);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect((await shownRange(page)).slice(0, 2)).toEqual([PAGE_SIZE + 1, 2 * PAGE_SIZE]);
    expect(
      await page.getByRole('button', { name: 'Side 2', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Neste');
    await screenshot(page, 'worklist-volume-02-second-page-1366');
  });

  it('reaches the last page, and comes back', async () => {
    const page = nurse.page;
    const pages = Math.ceil(total / PAGE_SIZE);
    await page.getByRole('button', { name: `Side ${pages}`, exact: true }).click();
    const lastFrom = (pages - 1) * PAGE_SIZE + 1;
    await waitForRange(page, lastFrom);
    await page.locator('.wl-list[aria-busy="false"]').waitFor();
    const [from, to, shownTotal] = await shownRange(page);
    expect(from).toBe(lastFrom);
    expect(to).toBe(shownTotal); // the last page ends with the last item
    expect(await page.locator('.wl-list > li').count()).toBe(to - from + 1);
    expect(
      await page.getByRole('button', { name: 'Neste side' }).getAttribute('aria-disabled'),
    ).toBe('true');
    await screenshot(page, 'worklist-volume-03-last-page-1366');

    await page.getByRole('button', { name: 'Forrige side' }).click();
    await waitForRange(page, lastFrom - PAGE_SIZE, lastFrom - 1);
    expect(await page.locator('.wl-list > li').count()).toBe(PAGE_SIZE);
  });

  it('is accessible in English too', async () => {
    const page = nurse.page;
    await page.getByRole('button', { name: 'Side 1', exact: true }).click();
    await waitForRange(page, 1, PAGE_SIZE);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Worklist' }).waitFor();
    await page.getByRole('navigation', { name: 'Worklist pages' }).waitFor();
    expect(await page.locator('.wl-pager__range').textContent()).toMatch(/^Showing 1–50 of \d+$/);
    await screenshot(page, 'worklist-volume-04-first-page-en-1366');
    expect(await axeViolations(page, 'worklist-volume-en')).toEqual([]);
    await page.getByRole('button', { name: 'Norsk bokmål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
  });

  it('pages on a 360 px wide phone without scrolling sideways', async () => {
    const page = nurse.page;
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(`${BASE_URL}/clinician/`);
    await page
      .locator('.wl-list > li')
      .nth(PAGE_SIZE - 1)
      .waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Neste side' }).click();
    await waitForRange(page, PAGE_SIZE + 1, 2 * PAGE_SIZE);
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('navigation', { name: 'Sider i arbeidslisten' }).scrollIntoViewIfNeeded();
    // The pager as a phone shows it (the full-page shot below has the whole list).
    await page.screenshot({ path: `${OUTPUT_DIR}worklist-volume-05-pager-360.png` });
    await screenshot(page, 'worklist-volume-06-second-page-360');
    expect(await axeViolations(page, 'worklist-volume-360-nb')).toEqual([]);
  });
  it('the caseload: the patient’s row opens on all their items, page by page, and how long that takes', async () => {
    const page = nurse.page;
    const started = performance.now();
    await page.goto(`${BASE_URL}/clinician/caseload`);
    const open = page.getByRole('button', { name: /^Vis saker\s?: Kari Nordvik$/ });
    await open.waitFor({ timeout: 30_000 });
    const rowMs = performance.now() - started;
    await open.click();
    const items = page.getByRole('list', { name: 'Saker for Kari Nordvik' });
    await items
      .locator('> li')
      .nth(PAGE_SIZE - 1)
      .waitFor({ timeout: 30_000 });
    const openedMs = performance.now() - started;
    const pager = page.getByRole('navigation', { name: 'Sider med saker for Kari Nordvik' });
    const range = async () => {
      const text = (await pager.locator('.wl-pager__range').textContent()) ?? '';
      return text.match(/\d+/g)?.map(Number) ?? [];
    };
    const [, , rowTotal = 0] = await range();
    expect(rowTotal).toBeGreaterThanOrEqual(ITEMS);
    // every page of the row in turn, to the last: every one of the patient's items is rendered
    const seen = new Set<string>();
    const pages = Math.ceil(rowTotal / PAGE_SIZE);
    for (let p = 0; p < pages; p++) {
      if (p > 0) {
        await pager.getByRole('button', { name: 'Neste side' }).click();
        await pager
          .locator('.wl-pager__range')
          .filter({ hasText: new RegExp(`^\\D*${p * PAGE_SIZE + 1}\\D`) })
          .waitFor({ timeout: 30_000 });
        await page.locator('.wl-list[aria-busy="false"]').first().waitFor();
      }
      const ids = await items.locator('> li h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
      expect(ids.length).toBe(Math.min(PAGE_SIZE, rowTotal - p * PAGE_SIZE));
      ids.forEach((id) => seen.add(id));
    }
    const allMs = performance.now() - started;
    expect(seen.size).toBe(rowTotal);
    const [, lastTo] = await range();
    expect(lastTo).toBe(rowTotal);
    console.log(
      `caseload: Kari's row visible ${rowMs.toFixed(0)} ms; opened with ${PAGE_SIZE} items ${openedMs.toFixed(0)} ms; ` +
        `all ${rowTotal} of her open items rendered, ${pages} pages in the row, ${allMs.toFixed(0)} ms`,
    );
    await screenshot(page, 'worklist-volume-05-caseload-last-page-1366');
    expect(await axeViolations(page, 'caseload-volume-nb')).toEqual([]);
  });
});
