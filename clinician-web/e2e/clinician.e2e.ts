import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  newContext,
  axeViolations,
  launchBrowser,
  requireRunningHeima,
  screenshot,
} from '@heima/web-common/e2e/browser';
import { syntheticFnr } from './support/fnr';
import { logIn } from '@heima/web-common/e2e/login';

const INVALID_FNR = '01819040181'; // second check digit wrong
const VALID_FNR = '01819040180';

function randomLetters(length: number): string {
  return Array.from({ length }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join('');
}

/** Unique per run, so the cross-team check below cannot be fooled by an earlier run. */
const familyName = `Registrering${randomLetters(8)}`;

async function openAndLogIn(page: Page, username: string): Promise<void> {
  await page.goto(`${BASE_URL}/clinician/`);
  await page.getByRole('heading', { level: 1, name: 'Heima for helsepersonell' }).waitFor();
  await logIn(page, { appPath: '/clinician/', loginLinkName: 'Logg inn', username });
  await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
  await openPatientList(page);
}

/** The worklist is the start page; the patient list is one step away in the main menu. */
async function openPatientList(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hovedmeny' })
    .getByRole('link', { name: 'Pasienter' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Pasienter' }).waitFor();
}

/** Searches the patient list and waits until the list shows the answer for that query. */
async function search(page: Page, query: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Søk etter navn eller fødselsnummer' }).fill(query);
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `«${query}»` })
    .waitFor();
}

/** The text of the messages the identifier field is described by (hint and error). */
async function identifierDescription(page: Page): Promise<string> {
  return page.locator('#register-identifier').evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

async function submitRegistration(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Registrer pasient' }).click();
}

describe('clinician app', () => {
  let browser: Browser;

  beforeAll(async () => {
    await requireRunningHeima();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('sykepleier1 (team hjerte)', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await newContext(browser, { width: 1280, height: 900 }));
    });

    afterAll(async () => {
      await context?.close();
    });

    it('shows an accessible welcome page', async () => {
      await page.goto(`${BASE_URL}/clinician/`);
      await page.getByRole('heading', { level: 1, name: 'Heima for helsepersonell' }).waitFor();
      await screenshot(page, 'clinician-01-welcome-nb');
      expect(await axeViolations(page, 'clinician-welcome-nb')).toEqual([]);
    });

    it('logs in and sees her name and team', async () => {
      await logIn(page, {
        appPath: '/clinician/',
        loginLinkName: 'Logg inn',
        username: 'sykepleier1',
      });
      await page.getByRole('heading', { level: 1, name: 'Arbeidsliste' }).waitFor();
      await openPatientList(page);
      const banner = page.getByRole('banner');
      expect(await banner.textContent()).toContain('Nina Berg');
      expect(await banner.textContent()).toContain('hjerte');
      expect(await banner.textContent()).toContain('Helsepersonell');
      await page.locator('.list-status').waitFor();
      await screenshot(page, 'clinician-02-workspace-nb');
      expect(await axeViolations(page, 'clinician-workspace-nb')).toEqual([]);
    });

    it('sees the server’s error next to an invalid fødselsnummer', async () => {
      await page.getByLabel('Fødselsnummer eller D-nummer').fill(INVALID_FNR);
      await page.getByLabel('Fornavn').fill('Test');
      await page.getByLabel('Etternavn').fill(familyName);
      await submitRegistration(page);

      const identifier = page.locator('#register-identifier');
      await page.locator('#register-identifier[aria-invalid="true"]').waitFor();
      const described = await identifierDescription(page);
      expect(described).toContain('Fødselsnummeret er ikke gyldig');
      // The message sits in the field's own group, right above the input.
      const group = page.locator('.field', { has: identifier });
      expect(await group.locator('.field__error').textContent()).toContain(
        'Fødselsnummeret er ikke gyldig',
      );
      expect(await page.getByRole('alert').textContent()).toContain(
        'Pasienten ble ikke registrert',
      );
      await screenshot(page, 'clinician-03-invalid-fnr');
      expect(await axeViolations(page, 'clinician-form-errors-nb')).toEqual([]);
    });

    it('corrects the number, registers the patient and finds her in the list', async () => {
      let fnr = VALID_FNR;
      await page.getByLabel('Fødselsnummer eller D-nummer').fill(fnr);
      await submitRegistration(page);

      // the design system's notification panel, role status
      const success = page.getByRole('status').filter({ hasText: 'er registrert.' });
      const duplicate = page.locator('#register-identifier-error', {
        hasText: 'Det finnes allerede en pasient',
      });
      await success.or(duplicate).first().waitFor();
      if (await duplicate.isVisible()) {
        // An earlier run against the same database already registered the fixed number.
        fnr = syntheticFnr();
        console.warn(`${VALID_FNR} is already registered; registering ${fnr} instead`);
        await page.getByLabel('Fødselsnummer eller D-nummer').fill(fnr);
        await submitRegistration(page);
        await success.waitFor();
      }
      expect(await success.textContent()).toContain(`Test ${familyName}`);
      expect(await page.getByLabel('Fødselsnummer eller D-nummer').inputValue()).toBe('');
      expect(await page.locator('#register-identifier').getAttribute('aria-invalid')).toBeNull();
      await screenshot(page, 'clinician-04-registered');

      await search(page, familyName);
      const row = page.getByRole('row', { name: new RegExp(`Test ${familyName}`) });
      await row.waitFor();
      expect(await row.textContent()).toContain(fnr);
      expect(await row.textContent()).toContain('hjerte');
      await screenshot(page, 'clinician-05-listed');
    });

    it('is accessible in English too', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await screenshot(page, 'clinician-06-workspace-en');
      expect(await axeViolations(page, 'clinician-workspace-en')).toEqual([]);
    });
  });

  describe('sykepleier2 (team lunge), in a fresh browser context', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await newContext(browser, { width: 1280, height: 900 }));
    });

    afterAll(async () => {
      await context?.close();
    });

    it('does not see the patient registered in team hjerte, but sees her own team’s', async () => {
      await openAndLogIn(page, 'sykepleier2');
      const banner = page.getByRole('banner');
      expect(await banner.textContent()).toContain('Per Lund');
      expect(await banner.textContent()).toContain('lunge');

      await search(page, familyName);
      expect(
        await page
          .getByRole('status')
          .filter({ hasText: `«${familyName}»` })
          .textContent(),
      ).toBe(`Ingen pasienter passer med «${familyName}».`);
      expect(await page.getByRole('row', { name: new RegExp(familyName) }).count()).toBe(0);
      await screenshot(page, 'clinician-07-other-team-empty');

      // Not vacuous: the same search box does find this team's own patient.
      await search(page, 'Fjellheim');
      await page.getByRole('row', { name: /Ola Fjellheim/ }).waitFor();
      await screenshot(page, 'clinician-08-other-team-own-patient');
      expect(await axeViolations(page, 'clinician-other-team-nb')).toEqual([]);
    });
  });

  describe('admin', () => {
    it('gets the administration area, not the patient list', async () => {
      const { context, page } = await newContext(browser, { width: 1280, height: 900 });
      try {
        await page.goto(`${BASE_URL}/clinician/`);
        await page.getByRole('heading', { level: 1, name: 'Heima for helsepersonell' }).waitFor();
        await logIn(page, { appPath: '/clinician/', loginLinkName: 'Logg inn', username: 'admin' });
        await page.getByRole('heading', { level: 1, name: 'Administrasjon' }).waitFor();
        expect(await page.getByRole('banner').textContent()).toContain('Anne Dahl');
        expect(await page.getByRole('search').count()).toBe(0);
        await screenshot(page, 'clinician-09-admin');
        expect(await axeViolations(page, 'clinician-admin-nb')).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
