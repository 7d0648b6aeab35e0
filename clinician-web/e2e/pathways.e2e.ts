import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newContext,
  axeViolations,
  launchBrowser,
  requireRunningHeima,
  screenshot,
} from '@heima/web-common/e2e/browser';
import { syntheticFnr } from './support/fnr';
import { logInClinician } from '@heima/web-common/e2e/login';

/**
 * The admin builds a pathway end to end (questionnaire import, preview, pathway form, publish)
 * and a nurse enrols a patient on it. Everything it creates is unique to the run, so it can run
 * again against the same database.
 */

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const QUESTIONNAIRE_URL = 'https://heima.example/fhir/Questionnaire/e2e-dyspnoea';
const QUESTIONNAIRE_VERSION = `1.0.${Date.now()}`;
const QUESTIONNAIRE_TITLE = 'Tungpust (testskjema)';
const PATHWAY_NAME = `Hjertesvikt e2e ${RUN}`;
const FAMILY_NAME = `Forlop${RUN.replace(/\d/g, '').slice(0, 6)}`;
/** The questionnaire is due on these days; blood pressure every day. */
const QUESTIONNAIRE_DAYS = [1, 7, 14, 30];

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

async function questionnaireFile(): Promise<Buffer> {
  const json = JSON.parse(await readFile(fixture('questionnaire.json'), 'utf8'));
  json.version = QUESTIONNAIRE_VERSION;
  return Buffer.from(JSON.stringify(json, null, 2));
}

/** Rows of the 30-day preview as (day number, text). */
async function previewRows(page: Page): Promise<Array<{ day: number; text: string }>> {
  await page.locator('.preview-table[aria-busy="false"]').waitFor();
  return page.locator('.preview-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      day: Number((row as HTMLElement).dataset.day),
      text: row.textContent ?? '',
    })),
  );
}

function activity(page: Page, number: number): Locator {
  return page.getByRole('group', { name: new RegExp(`^Aktivitet ${number} – `) });
}

describe('pathways: admin builds and publishes, nurse enrols', () => {
  let browser: Browser;
  let pathwayUrl = '';

  beforeAll(async () => {
    await requireRunningHeima();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('admin (team hjerte)', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await newContext(browser, { width: 1280, height: 900 }));
    });

    afterAll(async () => {
      await context?.close();
    });

    it('logs in to the administration area', async () => {
      await logInClinician(page, 'admin', 'Administrasjon');
      await screenshot(page, 'admin-01-home');
      expect(await axeViolations(page, 'admin-home-nb')).toEqual([]);
    });

    it('is told every issue in an invalid questionnaire file', async () => {
      await page
        .getByRole('navigation', { name: 'Hovedmeny' })
        .getByRole('link', { name: 'Skjemabibliotek' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Skjemabibliotek' }).waitFor();
      await page.getByLabel('Skjemafil (.json)').setInputFiles({
        name: 'invalid-questionnaire.json',
        mimeType: 'application/json',
        buffer: await readFile(fixture('invalid-questionnaire.json')),
      });
      await page.getByRole('button', { name: 'Importer skjema' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Skjemaet ble ikke importert' });
      await alert.waitFor();
      const issues = await alert.getByRole('listitem').allTextContents();
      expect(issues.length).toBeGreaterThanOrEqual(3);
      expect(issues.join('\n')).toContain('Questionnaire.version');
      expect(issues.join('\n')).toContain('Et valgspørsmål mangler svaralternativer.');
      expect(issues.join('\n')).toContain('Samme linkId er brukt av flere spørsmål.');
      await screenshot(page, 'admin-02-import-issues');
      expect(await axeViolations(page, 'admin-import-issues-nb')).toEqual([]);
    });

    it('imports a questionnaire file', async () => {
      await page.getByLabel('Skjemafil (.json)').setInputFiles({
        name: 'questionnaire.json',
        mimeType: 'application/json',
        buffer: await questionnaireFile(),
      });
      await page.getByRole('button', { name: 'Importer skjema' }).click();
      const done = page.getByRole('status').filter({
        hasText: `«${QUESTIONNAIRE_TITLE}» versjon ${QUESTIONNAIRE_VERSION} er importert.`,
      });
      await done.waitFor();
      await page
        .getByRole('row', { name: new RegExp(QUESTIONNAIRE_VERSION.replace(/\./g, '\\.')) })
        .waitFor();
      await screenshot(page, 'admin-03-imported');
      expect(await axeViolations(page, 'admin-library-nb')).toEqual([]);
    });

    it('previews the questionnaire with refero in Norwegian and English', async () => {
      await page.getByRole('link', { name: 'Se skjemaet' }).click();
      await page.getByRole('heading', { level: 1, name: QUESTIONNAIRE_TITLE }).waitFor();
      const preview = page.locator('.refero-preview');
      await preview.getByText('Hvor tungpustet er du i dag?').waitFor({ timeout: 60_000 });
      await preview.getByText('Tungpustet i hvile').waitFor();
      await screenshot(page, 'admin-04-preview-nb');
      expect(await axeViolations(page, 'admin-questionnaire-preview-nb')).toEqual([]);

      await page
        .getByRole('group', { name: 'Språk i forhåndsvisningen' })
        .getByRole('button', { name: 'English' })
        .click();
      await preview.getByText('How short of breath are you today?').waitFor();
      await preview.getByText('Short of breath at rest').waitFor();
      expect(await preview.getAttribute('lang')).toBe('en');
      await screenshot(page, 'admin-05-preview-en');
      expect(await axeViolations(page, 'admin-questionnaire-preview-en')).toEqual([]);
    });

    it('builds a pathway in the form; the server’s errors appear at the nested fields', async () => {
      await page
        .getByRole('navigation', { name: 'Hovedmeny' })
        .getByRole('link', { name: 'Forløp' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Forløp' }).waitFor();
      await page.locator('.list-status, table').first().waitFor();
      expect(await axeViolations(page, 'admin-pathway-list-nb')).toEqual([]);
      await page.getByRole('link', { name: 'Nytt forløp' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nytt forløp' }).waitFor();

      await page.getByLabel('Navn på forløpet', { exact: true }).fill(PATHWAY_NAME);
      await page
        .getByLabel('Beskrivelse for pasienten (bokmål)')
        .fill('Oppfølging etter innleggelse for hjertesvikt.');

      await page.getByRole('button', { name: 'Legg til skjema' }).click();
      const questionnaire = activity(page, 1);
      await questionnaire
        .getByLabel('Skjema', { exact: true })
        .selectOption(`${QUESTIONNAIRE_URL}|${QUESTIONNAIRE_VERSION}`);
      await questionnaire.getByLabel('Hvor ofte').selectOption('RELATIVE_DAYS');
      await questionnaire.getByLabel('Dager i forløpet').fill(QUESTIONNAIRE_DAYS.join(', '));
      await questionnaire.getByLabel('Tidsvindu fra').fill('09:00');
      await questionnaire.getByLabel('Tidsvindu til').fill('08:00'); // wrong on purpose
      // no rule watches this form's answers: publishing needs the deliberate choice and a reason
      await questionnaire.getByLabel(/^Bare registrering/).check();
      await questionnaire
        .getByLabel('Begrunnelse (norsk)')
        .fill('Svarene gjennomgås ved neste kontroll.');

      await page.getByRole('button', { name: 'Legg til måling' }).click();
      const bp = activity(page, 2);
      await bp.getByLabel('Måling').selectOption('BLOOD_PRESSURE');
      const systolic = bp.getByRole('group', { name: /^Systolisk blodtrykk/ });
      await systolic.getByLabel('Gul høy').fill('190'); // above red high: wrong on purpose
      await systolic.getByLabel('Rød høy').fill('180');
      const diastolic = bp.getByRole('group', { name: /^Diastolisk blodtrykk/ });
      await diastolic.getByLabel('Gul høy').fill('90');
      await diastolic.getByLabel('Rød høy').fill('110');
      await page.getByLabel('Råd ved Grønn (bokmål)').fill('Fortsett som før.');
      await page.getByLabel('Råd ved Gul (bokmål)').fill('Vi ringer deg i løpet av dagen.');
      await page.getByLabel('Råd ved Rød (bokmål)').fill('Ring avdelingen nå, eller 113.');

      await page.getByRole('button', { name: 'Lagre utkast' }).click();
      await page.getByRole('alert').filter({ hasText: 'Forløpet ble ikke lagret' }).waitFor();
      const windowEnd = questionnaire.getByLabel('Tidsvindu til');
      expect(await windowEnd.getAttribute('aria-invalid')).toBe('true');
      expect(
        await questionnaire.locator('.field--error .field__error').first().textContent(),
      ).toContain('Tidsvinduet må slutte etter at det starter');
      expect(await systolic.locator('.field__error').first().textContent()).toContain(
        'Grensene må stige',
      );
      expect(await diastolic.locator('.field__error').count()).toBe(0);
      await screenshot(page, 'admin-06-pathway-errors');
      expect(await axeViolations(page, 'admin-pathway-errors-nb')).toEqual([]);

      await windowEnd.fill('13:00');
      await systolic.getByLabel('Gul høy').fill('140');
      await page.getByRole('button', { name: 'Lagre utkast' }).click();
      await page.getByRole('heading', { level: 1, name: PATHWAY_NAME }).waitFor();
      pathwayUrl = page.url();
      expect(pathwayUrl).toMatch(/\/clinician\/admin\/pathways\/[0-9a-f-]{36}$/);
      await screenshot(page, 'admin-07-pathway-saved');
      expect(await axeViolations(page, 'admin-pathway-page-nb')).toEqual([]);
    });

    it('previews the draft’s first 30 days with the expected days', async () => {
      const rows = await previewRows(page);
      // Blood pressure every day, so each of the 30 days has a row.
      expect(rows.map((row) => row.day)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(rows.every((row) => row.text.includes('Blodtrykk'))).toBe(true);
      expect(
        rows.filter((row) => row.text.includes(QUESTIONNAIRE_TITLE)).map((r) => r.day),
      ).toEqual(QUESTIONNAIRE_DAYS);
      expect(rows[0]?.text).toContain('kl. 09:00–13:00');
      await page.locator('.preview-table').scrollIntoViewIfNeeded();
      await screenshot(page, 'admin-08-preview-draft');
    });

    it('publishes version 1, which then shows in versions and in the preview', async () => {
      await page.getByRole('button', { name: 'Publiser versjon 1' }).click();
      await page.getByRole('status').filter({ hasText: 'Versjon 1 er publisert' }).waitFor();
      await page
        .getByRole('region', { name: 'Publiserte versjoner' })
        .getByRole('rowheader', { name: 'Versjon 1' })
        .waitFor();
      await page.getByLabel('Versjon', { exact: true }).selectOption('1');
      const rows = await previewRows(page);
      expect(
        rows.filter((row) => row.text.includes(QUESTIONNAIRE_TITLE)).map((r) => r.day),
      ).toEqual(QUESTIONNAIRE_DAYS);
      expect(rows).toHaveLength(30);
      await screenshot(page, 'admin-09-published');
      expect(await axeViolations(page, 'admin-pathway-published-nb')).toEqual([]);
    });

    it('is accessible in English too', async () => {
      await page.getByRole('button', { name: 'English', exact: true }).first().click();
      await page.getByRole('heading', { level: 2, name: 'Plan for the first 30 days' }).waitFor();
      await screenshot(page, 'admin-10-pathway-en');
      expect(await axeViolations(page, 'admin-pathway-page-en')).toEqual([]);
      await page.getByRole('button', { name: 'Norsk bokmål' }).first().click();
    });
  });

  describe('sykepleier1 (team hjerte), in a fresh browser context', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await newContext(browser, { width: 1280, height: 900 }));
    });

    afterAll(async () => {
      await context?.close();
    });

    it('registers a patient and opens her page', async () => {
      expect(pathwayUrl).not.toBe('');
      await logInClinician(page, 'sykepleier1', 'Arbeidsliste');
      await page
        .getByRole('navigation', { name: 'Hovedmeny' })
        .getByRole('link', { name: 'Pasienter' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Pasienter' }).waitFor();
      await page.getByLabel('Fødselsnummer eller D-nummer').fill(syntheticFnr());
      await page.getByLabel('Fornavn').fill('Test');
      await page.getByLabel('Etternavn').fill(FAMILY_NAME);
      await page.getByRole('button', { name: 'Registrer pasient' }).click();
      await page.getByRole('status').filter({ hasText: 'er registrert.' }).waitFor();

      await page
        .getByRole('searchbox', { name: 'Søk etter navn eller fødselsnummer' })
        .fill(FAMILY_NAME);
      await page.getByRole('button', { name: 'Søk', exact: true }).click();
      await page.getByRole('link', { name: `Test ${FAMILY_NAME}` }).click();
      await page.getByRole('heading', { level: 1, name: `Test ${FAMILY_NAME}` }).waitFor();
      await page.getByText('Pasienten følger ikke noe forløp ennå.').waitFor();
      await screenshot(page, 'nurse-01-patient');
      expect(await axeViolations(page, 'nurse-patient-nb')).toEqual([]);
    });

    it('enrols her on the published pathway and sees her first two weeks', async () => {
      const form = page.getByRole('region', { name: 'Start oppfølging' });
      await form
        .getByLabel('Forløp')
        .selectOption({ label: `${PATHWAY_NAME} (hjerte, versjon 1)` });
      await form.getByRole('button', { name: 'Start oppfølging' }).click();
      await form
        .getByRole('status')
        .filter({ hasText: `følger nå ${PATHWAY_NAME}, versjon 1` })
        .waitFor();

      const plan = page.getByRole('article', { name: `${PATHWAY_NAME}, versjon 1` });
      await plan.getByText('Aktiv', { exact: true }).waitFor();
      const tasks = plan.getByRole('table', { name: /Oppgaver de neste 14 dagene/ });
      await tasks.waitFor();
      const rows = await tasks.locator('tbody tr').allTextContents();
      // Starting today: blood pressure on each of the 14 days, the questionnaire on days 1, 7, 14.
      expect(rows.filter((row) => row.includes('Blodtrykk'))).toHaveLength(14);
      expect(rows.filter((row) => row.includes(QUESTIONNAIRE_TITLE))).toHaveLength(
        QUESTIONNAIRE_DAYS.filter((day) => day <= 14).length,
      );
      expect(rows.find((row) => row.includes(QUESTIONNAIRE_TITLE))).toContain('09:00–13:00');
      await screenshot(page, 'nurse-02-enrolled');
      expect(await axeViolations(page, 'nurse-enrolled-nb')).toEqual([]);
    });

    it('pauses and resumes the plan (each change carries the plan’s version)', async () => {
      const plan = page.getByRole('article', { name: `${PATHWAY_NAME}, versjon 1` });
      await plan.getByRole('button', { name: 'Pause oppfølgingen' }).click();
      await plan.getByLabel('Hvorfor pauses oppfølgingen?').fill('Innlagt på sykehus');
      await plan.getByRole('button', { name: 'Pause', exact: true }).click();
      await plan.getByRole('status').filter({ hasText: 'Oppfølgingen er pauset.' }).waitFor();
      await plan.getByText('Pauset', { exact: true }).waitFor();
      // Paused from today with no end: nothing is asked of her in the next two weeks.
      await plan.getByText('Ingen oppgaver de neste 14 dagene.').waitFor();
      await screenshot(page, 'nurse-03-paused');
      expect(await axeViolations(page, 'nurse-paused-nb')).toEqual([]);

      await plan.getByRole('button', { name: 'Gjenoppta oppfølgingen' }).click();
      await plan.getByRole('status').filter({ hasText: 'Oppfølgingen er gjenopptatt.' }).waitFor();
      await plan.getByText('Aktiv', { exact: true }).waitFor();
      await plan.locator('table[aria-busy="false"]').waitFor();
      expect(
        (await plan.locator('tbody tr').allTextContents()).filter((row) =>
          row.includes('Blodtrykk'),
        ),
      ).toHaveLength(14);
      await screenshot(page, 'nurse-04-resumed');
    });
  });
});
