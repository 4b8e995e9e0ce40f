// The admin in Chromium, as a member of staff uses it, against `npm start` on the demo seed: signing
// in and out (password, one-time code from the mailbox), the generated products list (filter, sort,
// page) checked against the REST API, editing a product, creating a row of a table that has no admin
// code, and exporting a filtered list to CSV. Every check reads the database back through the REST API
// as the same user, so a screen that shows the wrong rows, or a save that did not happen, fails.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SupabaseClient } from '@supabase/supabase-js';
import { DEMO, newMailTo, mailboxMessages, startComptoir, userClient, type RunningComptoir } from '../../helpers/comptoir.ts';
import { escapeRegExp, eventually, fillLogin, formInput, formItem, launchBrowser, listedKeys, newSession, pageErrors, screenshot, signInWithPassword } from '../../helpers/browser.ts';
import { parseCsv } from '../../helpers/csv.ts';
import { deriveResources } from '../../../admin/src/catalog/derive.ts';
import type { Catalog } from '../../../admin/src/catalog/types.ts';
import type { ResourceSpec } from '../../../admin/src/catalog/spec.ts';

const ADMIN_SRC = fileURLToPath(new URL('../../../admin/src/', import.meta.url));
const TAG = Date.now().toString(36);

let stack: RunningComptoir;
let browser: Browser;
/** supabase-js signed in as the same admin the browser signs in as. */
let api: SupabaseClient<any, any, any>;
let specs: Map<string, ResourceSpec>;
/** One signed-in admin session for the screens after the sign-in tests. */
let admin: { context: BrowserContext; page: Page } | undefined;

before(async () => {
  stack = await startComptoir();
  browser = await launchBrowser();
  api = await userClient(stack, DEMO.admin, DEMO.password);
  const { data, error } = await api.rpc('admin_catalog');
  assert.equal(error, null, `admin_catalog as the admin: ${error?.message}`);
  // The screens are French by default: the same derivation gives the labels they show.
  specs = new Map(deriveResources(data as Catalog, 'fr').map((spec) => [spec.name, spec]));
}, { timeout: 420_000 });

after(async () => {
  await admin?.context.close().catch(() => {});
  await browser?.close().catch(() => {});
  await stack?.stop();
});

function spec(name: string): ResourceSpec {
  const found = specs.get(name);
  assert.ok(found, `the admin's catalog has no resource "${name}" (resources: ${[...specs.keys()].join(', ')})`);
  return found;
}

function label(resource: string, column: string): string {
  const field = spec(resource).fields.find((f) => f.name === column);
  assert.ok(field, `${resource} has no field ${column}`);
  return field.label;
}

async function adminPage(): Promise<Page> {
  if (!admin) {
    admin = await newSession(browser, stack.adminUrl);
    await signInWithPassword(admin.page, DEMO.admin, DEMO.password);
  }
  return admin.page;
}

const onLogin = (page: Page) => new URL(page.url()).pathname === '/login';

test('a wrong password is refused; the password signs in; the session survives a reload; sign-out returns to /login', async () => {
  const { context, page } = await newSession(browser, stack.adminUrl);
  try {
    await page.goto('/r/products');
    await page.waitForURL((url) => url.pathname === '/login', { timeout: 30_000 });
    await page.locator('input#email').waitFor();
    await screenshot(page, 'login');

    await fillLogin(page, DEMO.admin, 'not-the-password');
    await page.getByTestId('login-error').waitFor({ timeout: 15_000 });
    assert.ok(onLogin(page), `a wrong password left the login screen for ${page.url()}`);
    assert.equal(await page.getByTestId('signed-in-as').count(), 0);

    await page.locator('input#password').fill(DEMO.password);
    await page.locator('form button[type="submit"]').click();
    await page.getByTestId('signed-in-as').filter({ hasText: DEMO.admin }).waitFor({ timeout: 30_000 });
    assert.ok(!onLogin(page), 'signed in but still on /login');

    await page.reload();
    await page.getByTestId('signed-in-as').filter({ hasText: DEMO.admin }).waitFor({ timeout: 30_000 });
    assert.ok(!onLogin(page), 'the session did not survive a reload');

    let navigations = 0;
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations++; });
    await page.getByTestId('sign-out').click();
    await page.waitForURL((url) => url.pathname === '/login', { timeout: 15_000 });
    await page.locator('input#email').waitFor({ timeout: 15_000 }).catch(() => {
      throw new Error(`after sign-out the login form never showed: at ${page.url()} after ${navigations} navigations since the click` +
        (navigations > 20 ? ' (a redirect loop between / and /login)' : ''));
    });
    // Signed out for real: a reload, or a typed URL of a screen, stays on the login screen.
    await page.reload();
    await page.locator('input#email').waitFor({ timeout: 15_000 });
    await page.goto('/r/products');
    await page.waitForURL((url) => url.pathname === '/login', { timeout: 15_000 });
    assert.equal(await page.getByTestId('signed-in-as').count(), 0);
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await context.close();
  }
});

test('a one-time code read from the mailbox signs in; a wrong code is refused', async () => {
  const { context, page } = await newSession(browser, stack.adminUrl);
  try {
    await page.goto('/login');
    await page.locator('input#email').waitFor({ timeout: 30_000 });
    await page.locator('.ant-segmented-item').nth(1).click();
    assert.equal(await page.locator('input#password').count(), 0, 'the code mode still asks for a password');
    const before = (await mailboxMessages(stack, DEMO.staff)).map((m) => m.id);
    await page.locator('input#email').fill(DEMO.staff);
    await page.locator('form button[type="submit"]').click();
    await page.locator('input#code').waitFor({ timeout: 15_000 });

    const mail = await newMailTo(stack, DEMO.staff, before);
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    assert.ok(code, `no 6-digit code in the e-mail "${mail.subject}":\n${mail.text}`);

    const wrong = code === '000000' ? '111111' : '000000';
    await page.locator('input#code').fill(wrong);
    await page.locator('form button[type="submit"]').click();
    await page.getByTestId('login-error').waitFor({ timeout: 15_000 });
    assert.ok(onLogin(page), 'a wrong code signed in');

    await page.locator('input#code').fill(code);
    await page.locator('form button[type="submit"]').click();
    await page.getByTestId('signed-in-as').filter({ hasText: DEMO.staff }).waitFor({ timeout: 30_000 });
    assert.ok(!onLogin(page));
  } finally {
    await context.close();
  }
});

test('the generated products list filters, sorts and pages exactly as the REST API does', async () => {
  const page = await adminPage();
  const products = spec('products');
  await page.goto('/r/products');
  const list = page.getByTestId('list-products');
  await list.locator('tbody tr[data-row-key]').first().waitFor({ timeout: 30_000 });
  await screenshot(page, 'products-list');

  // Filter: brand contains "ie" (the pastry shop, the flower shop, the fine grocery; not the wines).
  await page.getByTestId('toggle-filters').click();
  const filter = page.getByTestId('filter-brand');
  await filter.fill('ie');
  await filter.press('Enter');
  // Sort by name: once ascending, twice descending (antd's header sorter).
  const header = list.locator('thead th .ant-table-column-title', { hasText: new RegExp(`^${escapeRegExp(label('products', 'name'))}$`) });
  await header.click();
  await header.click();

  const pageSize = await currentPageSize(page);
  const { count } = await api.from('products').select('id', { count: 'exact', head: true }).ilike('brand', '%ie%');
  assert.ok(count && count > pageSize, `the check needs more than one page: ${count} rows for a page size of ${pageSize}`);
  const expected = async (pageIndex: number) => {
    const { data, error } = await api.from('products').select('id, name').ilike('brand', '%ie%')
      .order('name', { ascending: false }).order(products.primaryKey ?? 'id').range(pageIndex * pageSize, (pageIndex + 1) * pageSize - 1);
    assert.equal(error, null);
    return data!.map((row) => row.id as string);
  };
  const first = await expected(0);
  await eventually(() => listedKeys(page, 'products'), (keys) => same(keys, first),
    (keys) => `page 1 of products with brand ~ "ie" by name desc: the list shows ${JSON.stringify(keys)}, the API ${JSON.stringify(first)}`);

  await page.locator('.ant-pagination .ant-pagination-item-2').click();
  const second = await expected(1);
  await eventually(() => listedKeys(page, 'products'), (keys) => same(keys, second),
    (keys) => `page 2: the list shows ${JSON.stringify(keys)}, the API ${JSON.stringify(second)}`);
  // The filter, sort and page are in the URL (Refine's syncWithLocation): a reload shows the same rows.
  await page.reload();
  await eventually(() => listedKeys(page, 'products'), (keys) => same(keys, second),
    (keys) => `after a reload of page 2: the list shows ${JSON.stringify(keys)}, the API ${JSON.stringify(second)}`, 30_000);
});

test('editing a product in the generated form: a refusal shows next to its field, a change persists', async () => {
  const page = await adminPage();
  const { data: product } = await api.from('products').select('id, sku, name').eq('sku', 'pl-opera').single();
  assert.ok(product, 'the demo seed has the product pl-opera');
  await page.goto(`/r/products/edit/${product.id}`);
  const form = page.getByTestId('form-products');
  const nameInput = formInput(form, label('products', 'name'));
  const skuInput = formInput(form, label('products', 'sku'));
  await eventually(() => nameInput.inputValue(), (value) => value === product.name,
    (value) => `the edit form shows name "${value}", the row has "${product.name}"`, 30_000);
  await screenshot(page, 'product-edit');

  // The database refuses this SKU (products_sku_check): the form says so next to the SKU field.
  await skuInput.fill('not a valid sku!');
  await page.getByTestId('save-button').click();
  await formItem(form, label('products', 'sku')).locator('.ant-form-item-explain-error').first().waitFor({ timeout: 15_000 });
  const { data: unchanged } = await api.from('products').select('sku').eq('id', product.id).single();
  assert.equal(unchanged!.sku, product.sku, 'a refused save changed the SKU');

  const newName = `Opéra (e2e ${TAG})`;
  await skuInput.fill(product.sku);
  await nameInput.fill(newName);
  await page.getByTestId('save-button').click();
  await page.waitForURL((url) => url.pathname === `/r/products/show/${product.id}`, { timeout: 15_000 });
  await page.reload();
  await page.getByText(newName, { exact: true }).first().waitFor({ timeout: 30_000 });
  const { data: saved } = await api.from('products').select('sku, name').eq('id', product.id).single();
  assert.deepEqual(saved, { sku: product.sku, name: newName });
});

test('a table with no admin code (customer_groups) gets a working create screen', async () => {
  // Nothing in admin/src is written for this table: its screens come from the catalog alone.
  const mentions = (readdirSync(ADMIN_SRC, { recursive: true }) as string[])
    .filter((file) => /\.(ts|tsx)$/.test(file) && readFileSync(join(ADMIN_SRC, file), 'utf8').includes('customer_groups'));
  assert.deepEqual(mentions, [], 'admin code mentions customer_groups: pick another table for this test');

  const page = await adminPage();
  await page.goto('/r/customer_groups');
  await page.getByTestId('create-button').click();
  await page.waitForURL((url) => url.pathname === '/r/customer_groups/create', { timeout: 15_000 });
  const form = page.getByTestId('form-customer_groups');
  const codeInput = formInput(form, label('customer_groups', 'code'));
  await codeInput.waitFor({ timeout: 15_000 });

  // customer_groups_code_check wants lower case: the refusal shows next to the code field, nothing is written.
  const name = `Groupe e2e ${TAG}`;
  await codeInput.fill('Pas Valide');
  await formInput(form, label('customer_groups', 'name')).fill(name);
  await page.getByTestId('save-button').click();
  await formItem(form, label('customer_groups', 'code')).locator('.ant-form-item-explain-error').first().waitFor({ timeout: 15_000 });
  assert.equal((await api.from('customer_groups').select('id').eq('name', name)).data?.length, 0, 'a refused create wrote a row');

  const code = `e2e-${TAG}`;
  await codeInput.fill(code);
  await page.getByTestId('save-button').click();
  await page.waitForURL((url) => url.pathname.startsWith('/r/customer_groups/show/'), { timeout: 15_000 });
  const { data: rows } = await api.from('customer_groups').select('id, code, name').eq('code', code);
  assert.equal(rows?.length, 1, `no customer group ${code} in the database`);
  assert.equal(rows![0].name, name);
  assert.equal(new URL(page.url()).pathname, `/r/customer_groups/show/${rows![0].id}`);
});

test('a filtered, sorted list exports to CSV with exactly the rows the REST API gives for that filter', async () => {
  const page = await adminPage();
  await page.goto('/r/products');
  await page.getByTestId('list-products').locator('tbody tr[data-row-key]').first().waitFor({ timeout: 30_000 });
  await page.getByTestId('toggle-filters').click();
  const filter = page.getByTestId('filter-brand');
  await filter.fill('Pâtisserie');
  await filter.press('Enter');
  const { data: rows, error } = await api.from('products').select('id, sku, name').ilike('brand', '%Pâtisserie%').order('name').order('id');
  assert.equal(error, null);
  assert.ok(rows!.length > 1);
  await eventually(() => listedKeys(page, 'products'), (keys) => keys.length > 0 && keys.every((k) => rows!.some((r) => r.id === k)),
    (keys) => `the filtered list shows ${JSON.stringify(keys)}`);

  await page.getByTestId('export-button').click();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('export-csv').click();
  const download = await downloading;
  const csv = parseCsv(readFileSync((await download.path())!, 'utf8')).filter((row) => row.some((cell) => cell !== ''));
  const [header, ...body] = csv;
  const nameAt = header.indexOf(label('products', 'name'));
  assert.ok(nameAt >= 0, `the CSV header ${JSON.stringify(header)} has no "${label('products', 'name')}" column`);
  assert.equal(body.length, rows!.length, `the CSV has ${body.length} rows, the API ${rows!.length} for brand ~ "Pâtisserie"`);
  assert.deepEqual(body.map((row) => row[nameAt]).sort(), rows!.map((row) => row.name as string).sort());
  const skuAt = header.indexOf(label('products', 'sku'));
  if (skuAt >= 0) assert.deepEqual(body.map((row) => row[skuAt]).sort(), rows!.map((row) => row.sku as string).sort());
});

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The list's page size as its size changer shows it ("10 / page"), else antd's default of 10. */
async function currentPageSize(page: Page): Promise<number> {
  const changer = page.locator('.ant-pagination-options .ant-select-selection-item');
  if (await changer.count()) {
    const size = Number(/\d+/.exec((await changer.first().textContent()) ?? '')?.[0]);
    if (Number.isInteger(size) && size > 0) return size;
  }
  return 10;
}
