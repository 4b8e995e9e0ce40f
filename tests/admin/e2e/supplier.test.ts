// The supplier portal in Chromium against `npm start` on the demo seed: a supplier signs in, lands on
// its own portal, and reaches nothing else: not another supplier's rows by a typed URL, not orders or
// customers by a typed URL, not by the menu. Every "cannot" is paired with the same check on
// something it can reach, so a blank screen does not pass for a refusal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SupabaseClient } from '@supabase/supabase-js';
import { DEMO, serviceClient, startComptoir, type RunningComptoir } from '../../helpers/comptoir.ts';
import { launchBrowser, newSession, screenshot, signInWithPassword } from '../../helpers/browser.ts';

let stack: RunningComptoir;
let browser: Browser;
let service: SupabaseClient<any, any, any>;
let supplier: { context: BrowserContext; page: Page };
/** The suppliers of the two demo supplier users, and one supplier_products row of each. */
let own: { supplierId: string; rowId: string; sku: string };
let other: { supplierId: string; rowId: string; sku: string };

before(async () => {
  stack = await startComptoir();
  browser = await launchBrowser();
  service = serviceClient(stack);
  own = await supplierRow(DEMO.supplier1);
  other = await supplierRow(DEMO.supplier2);
  assert.notEqual(own.supplierId, other.supplierId);
  supplier = await newSession(browser, stack.adminUrl);
  await signInWithPassword(supplier.page, DEMO.supplier1, DEMO.password);
}, { timeout: 420_000 });

after(async () => {
  await supplier?.context.close().catch(() => {});
  await browser?.close().catch(() => {});
  await stack?.stop();
});

/** The supplier a demo user belongs to, and one of its supplier_products rows (as the database owner sees them). */
async function supplierRow(email: string) {
  const { data: users } = await service.auth.admin.listUsers();
  const user = users.users.find((u) => u.email === email);
  assert.ok(user, `no demo user ${email}`);
  const { data: membership } = await service.from('memberships').select('supplier_id').eq('user_id', user.id).eq('role', 'supplier').single();
  assert.ok(membership?.supplier_id, `${email} belongs to no supplier`);
  const { data: row } = await service.from('supplier_products').select('id, supplier_sku').eq('supplier_id', membership.supplier_id)
    .order('supplier_sku').limit(1).single();
  assert.ok(row, `the supplier of ${email} has no products`);
  return { supplierId: membership.supplier_id as string, rowId: row.id as string, sku: row.supplier_sku as string };
}

/** Every link of the side menu, with every group opened (antd renders a closed group's items lazily). */
async function menuLinks(page: Page): Promise<string[]> {
  const menu = page.locator('aside .ant-menu').first();
  await menu.waitFor({ timeout: 15_000 });
  const closed = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  for (let guard = 0; guard < 30 && (await closed.count()) > 0; guard++) await closed.first().click();
  return menu.locator('a[href]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test('a supplier lands on its portal, which lists its own products and no one else\'s', async () => {
  const { page } = supplier;
  await page.goto('/');
  await page.waitForURL((url) => url.pathname === '/supplier', { timeout: 30_000 });
  const products = page.getByTestId('supplier-products');
  await products.getByTestId(`stock-input-${own.sku}`).waitFor({ timeout: 30_000 });
  await page.getByTestId('supplier-orders').waitFor({ timeout: 15_000 });
  await screenshot(page, 'supplier-portal');
  assert.equal(await page.getByText(other.sku).count(), 0, `the portal shows ${other.sku}, another supplier's product`);

  const { data: mine } = await service.from('supplier_products').select('supplier_sku').eq('supplier_id', own.supplierId);
  const shown = await products.locator('[data-testid^="stock-input-"]').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-testid')!.slice('stock-input-'.length)));
  assert.ok(shown.length > 0, 'the portal shows no stock inputs');
  const skus = new Set((mine ?? []).map((row) => row.supplier_sku as string));
  const strangers = shown.filter((sku) => !skus.has(sku));
  assert.deepEqual(strangers, [], 'the portal offers stock inputs for rows that are not the supplier\'s');
});

test('a supplier typing the URL of another supplier\'s row sees no data; its own row opens', async () => {
  const { page } = supplier;
  await page.goto(`/r/supplier_products/show/${own.rowId}`);
  await page.getByTestId('show-supplier_products').getByText(own.sku, { exact: true }).first().waitFor({ timeout: 30_000 });

  await page.goto(`/r/supplier_products/show/${other.rowId}`);
  await page.locator('.ant-result').first().waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('show-supplier_products').count(), 0, 'another supplier\'s row was shown');
  assert.equal(await page.getByText(other.sku).count(), 0, `the page shows ${other.sku}`);
  // The edit URL of that row: "not found / no access", no form to save, none of the row's values.
  await page.goto(`/r/supplier_products/edit/${other.rowId}`);
  await page.getByTestId('record-missing').waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getByTestId('form-supplier_products').count(), 0, 'an edit form is offered for another supplier\'s row');
  const values = await page.locator('input, textarea').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  assert.ok(!values.includes(other.sku), `the edit form of another supplier's row shows its SKU ${other.sku}`);
  assert.equal(await page.getByText(other.sku).count(), 0, `the edit page shows ${other.sku}`);
});

test('a supplier typing /r/orders or /r/customers gets no access, and the menu lists neither', async () => {
  const { page } = supplier;
  const { data: order } = await service.from('orders').select('number').limit(1).single();
  const { data: customer } = await service.from('customers').select('display_name').not('display_name', 'is', null).limit(1).single();
  for (const resource of ['orders', 'customers']) {
    await page.goto(`/r/${resource}`);
    await page.locator('.ant-result').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId(`list-${resource}`).count(), 0, `the ${resource} list was shown to a supplier`);
  }
  assert.equal(await page.getByText(order!.number as string).count(), 0);
  assert.equal(await page.getByText(customer!.display_name as string).count(), 0);

  await page.goto('/supplier');
  const links = await menuLinks(page);
  assert.ok(links.includes('/supplier'), `the supplier's menu ${JSON.stringify(links)} lacks its portal`);
  const forbidden = links.filter((path) => /^\/(r\/(orders|customers|payments|order_items)|board|dashboard)(\/|$)/.test(path));
  assert.deepEqual(forbidden, [], 'the supplier\'s menu offers screens of orders or customers');
});

test('an admin\'s menu does list orders and customers (the same menu check, on someone who may)', async () => {
  const { context, page } = await newSession(browser, stack.adminUrl);
  try {
    await signInWithPassword(page, DEMO.admin, DEMO.password);
    const links = await menuLinks(page);
    for (const path of ['/r/orders', '/r/customers', '/board', '/dashboard']) assert.ok(links.includes(path), `the admin's menu ${JSON.stringify(links)} lacks ${path}`);
    assert.ok(!links.includes('/supplier'), 'the admin\'s menu offers the supplier portal');
  } finally {
    await context.close();
  }
});
