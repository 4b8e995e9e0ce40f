// Debian's Chromium driven by playwright-core, for the admin's browser tests and bench: no browser of
// Playwright's own is ever downloaded. Playwright gives each launch a fresh temporary profile
// (--user-data-dir) and deletes it on close; each context is a separate, cookie- and storage-free
// session, so an admin and a supplier never share a sign-in.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
/** Screenshots of the main screens: test artefacts (git-ignored). */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../.test-artifacts/admin/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  } catch (error) {
    throw new Error(`Chromium did not start from ${CHROMIUM} (apt-get install -y chromium): ${(error as Error).message}`);
  }
}

/** A fresh session in the admin at `adminUrl`, French unless `locale` says otherwise; a desktop-sized window. */
export async function newSession(
  browser: Browser,
  adminUrl: string,
  options: { locale?: 'fr' | 'en'; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const locale = options.locale ?? 'fr';
  const context = await browser.newContext({ baseURL: adminUrl, viewport: options.viewport ?? { width: 1440, height: 900 }, acceptDownloads: true });
  await context.addInitScript((value) => {
    if (!localStorage.getItem('comptoir-locale')) localStorage.setItem('comptoir-locale', value);
  }, locale);
  const page = await context.newPage();
  // A page error is a bug the screens should not hide: keep them for the failure message.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as PageWithErrors).__errors = errors;
  return { context, page };
}

type PageWithErrors = Page & { __errors?: string[] };

/** Uncaught errors of the page so far (to add to an assertion's message). */
export function pageErrors(page: Page): string[] {
  return (page as PageWithErrors).__errors ?? [];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Signs in through the login screen with a password and waits until the signed-in shell shows the user. */
export async function signInWithPassword(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await fillLogin(page, email, password);
  await page.getByTestId('signed-in-as').filter({ hasText: email }).waitFor({ timeout: 30_000 });
}

/** Fills and submits the password form of the login screen (without waiting for the outcome). */
export async function fillLogin(page: Page, email: string, password: string): Promise<void> {
  const form = page.locator('form');
  await form.locator('input#email').waitFor({ timeout: 30_000 });
  await form.locator('input#email').fill(email);
  await form.locator('input#password').fill(password);
  await form.locator('button[type="submit"]').click();
}

/**
 * Polls `read` until `accept` holds (the screen catching up with a request), for at most `timeoutMs`;
 * then fails with `describe(lastValue)`, so a mismatch shows what the screen had instead.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  describe: (value: T | undefined) => string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch {
      // The page may be between two renders; try again until the deadline.
    }
    if (Date.now() > deadline) throw new Error(describe(last));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The primary keys of the rows a generated list shows, in order (antd puts the row key on each <tr>). */
export async function listedKeys(page: Page, resource: string): Promise<string[]> {
  return page.getByTestId(`list-${resource}`).locator('tbody tr[data-row-key]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row-key') ?? ''));
}

/**
 * Drags `source` onto `target` with real pointer events, as a person does (press, a small move that
 * starts the drag, a gradual move, release): what @dnd-kit's pointer sensor listens to.
 */
export async function dragTo(page: Page, source: Locator, target: Locator): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('the card or the column to drag to is not on screen');
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 12, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 120), { steps: 25 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + Math.min(to.height / 2, 120) + 2, { steps: 2 });
  await page.mouse.up();
}

/** A field of an antd form (its Form.Item), found by its label as the person sees it. */
export function formItem(form: Locator, label: string): Locator {
  const exact = new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`);
  return form.locator('.ant-form-item').filter({ has: form.page().locator('.ant-form-item-label label').filter({ hasText: exact }) });
}

/** The text input (or text area) of a form field found by its label. */
export function formInput(form: Locator, label: string): Locator {
  return formItem(form, label).locator('input, textarea').first();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
