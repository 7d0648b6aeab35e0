import { AxeBuilder } from '@axe-core/playwright';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where Heima runs (backend + both apps), e.g. http://localhost:8080. */
export const BASE_URL = (process.env.HEIMA_BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');

/** Screenshots and axe reports land in the app's target/e2e/ (the tests run in the app's folder). */
export const OUTPUT_DIR = `${resolve(process.cwd(), 'target/e2e')}/`;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Viewport {
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { width: 1366, height: 768 };
export const PHONE: Viewport = { width: 360, height: 640 };

/**
 * A fresh browser context (its own cookies, so its own login) with one page, at `viewport`, with
 * reduced motion (no colour transitions half-way through an axe contrast check). Service workers
 * run as in a real browser: the patient app's precache no longer expires a new session cookie
 * (fixed on the server, platform/AppFilesKeepTheSessionCookie).
 */
export async function newContext(
  browser: Browser,
  viewport: Viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  return { context, page: await context.newPage() };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: `${OUTPUT_DIR}${name}.png`, fullPage: true });
}

/**
 * Runs axe with all its rules (WCAG A/AA and best practices) on the page as it is now, saves the
 * full result beside the screenshots, and returns the violations in a form that reads well in a
 * failed assertion.
 */
export async function axeViolations(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  await mkdir(OUTPUT_DIR, { recursive: true });
  await writeFile(`${OUTPUT_DIR}axe-${name}.json`, JSON.stringify(results.violations, null, 2));
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ` +
      violation.nodes.map((node) => node.target.join(' ')).join(', '),
  );
  if (summary.length > 0) console.warn(`axe on ${name}:\n  ${summary.join('\n  ')}`);
  return summary;
}

/** True when the page is wider than the viewport, i.e. the person would have to scroll sideways. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

/** Fails early, with a message that says what to do, when no Heima answers at BASE_URL. */
export async function requireRunningHeima(): Promise<void> {
  let status: number;
  try {
    status = (await fetch(`${BASE_URL}/api/me`)).status;
  } catch (cause) {
    throw new Error(
      `No Heima at ${BASE_URL} (set HEIMA_BASE_URL; start one with java -jar deploy/local/target/heima-local.jar)`,
      { cause },
    );
  }
  if (status !== 401) throw new Error(`${BASE_URL}/api/me answered ${status}, expected 401`);
}
