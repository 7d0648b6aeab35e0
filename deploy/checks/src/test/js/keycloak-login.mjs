// A nurse logs in to the clinician app through Keycloak's own login form, in Chromium, and
// opens the worklist. Run by KeycloakLoginIT; prints one JSON line with what it saw.
// Environment: HEIMA_BASE_URL, KEYCLOAK_URL, PLAYWRIGHT_CORE (the playwright-core package
// folder), CHROMIUM (the browser binary), LOGIN_USER, LOGIN_PASSWORD.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require(path.resolve(process.env.PLAYWRIGHT_CORE));
const base = process.env.HEIMA_BASE_URL;
const keycloak = process.env.KEYCLOAK_URL;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 }, locale: 'nb-NO' });
  // generous: a freshly started Keycloak renders its first login page slowly on a busy machine
  page.setDefaultTimeout(180000);
  page.setDefaultNavigationTimeout(180000);
  const started = Date.now();
  // the app itself sends the browser to its login
  await page.goto(`${base}/oauth2/authorization/clinician`, { waitUntil: 'domcontentloaded' });
  await page.waitForURL((url) => url.href.startsWith(keycloak));
  await page.waitForSelector('#username');
  const loginPage = page.url();
  await page.fill('#username', process.env.LOGIN_USER);
  await page.fill('#password', process.env.LOGIN_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.href.startsWith(`${base}/clinician/`)),
    page.click('#kc-login'),
  ]);
  const landed = page.url();
  const loginMillis = Date.now() - started;
  // the clinician app shows the worklist (Norwegian is the default language)
  const heading = page.getByRole('heading', { level: 1, name: 'Arbeidsliste' });
  await heading.waitFor();
  const worklistShownMillis = Date.now() - started;
  // the browser's own session cookie: the same calls the clinician app makes
  const me = await page.request.get(`${base}/api/me`);
  const worklist = await page.request.get(`${base}/api/worklist`);
  console.log(
    JSON.stringify({
      loginPage,
      landed,
      loginMillis,
      worklistShownMillis,
      me: { status: me.status(), body: await me.json() },
      worklist: { status: worklist.status(), body: await worklist.json() },
      cookies: (await page.context().cookies(base)).map((c) => ({ name: c.name, httpOnly: c.httpOnly })),
    }),
  );
} finally {
  await browser.close();
}
