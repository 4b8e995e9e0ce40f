// What the end-to-end review found in the generated screens and the order detail, checked in Chromium
// against `npm start` on the demo seed: labels tied to their inputs, a create form without the
// database-made key, date pickers in French, stored values in words, another supplier's row by its edit
// URL (no form, no Save; its own row still opens), and the previous orders' date apart from their amount.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SupabaseClient } from '@supabase/supabase-js';
import { DEMO, serviceClient, startComptoir, userClient, type RunningComptoir } from '../../helpers/comptoir.ts';
import { launchBrowser, newSession, screenshot, signInWithPassword } from '../../helpers/browser.ts';
import { deriveResources } from '../../../admin/src/catalog/derive.ts';
import type { Catalog } from '../../../admin/src/catalog/types.ts';
import type { ResourceSpec } from '../../../admin/src/catalog/spec.ts';
import values from '../../../admin/src/i18n/messages/values.ts';

let stack: RunningComptoir;
let browser: Browser;
let service: SupabaseClient<any, any, any>;
let specs: Map<string, ResourceSpec>;
let admin: { context: BrowserContext; page: Page };

before(async () => {
  stack = await startComptoir();
  browser = await launchBrowser();
  service = serviceClient(stack);
  const api = await userClient(stack, DEMO.admin, DEMO.password);
  const { data, error } = await api.rpc('admin_catalog');
  assert.equal(error, null);
  specs = new Map(deriveResources(data as Catalog, 'fr').map((spec) => [spec.name, spec]));
  admin = await newSession(browser, stack.adminUrl);
  await signInWithPassword(admin.page, DEMO.admin, DEMO.password);
}, { timeout: 420_000 });

after(async () => {
  await admin?.context.close().catch(() => {});
  await browser?.close().catch(() => {});
  await stack?.stop();
});

test('the create form: every label points at its input, and the key the database makes is not asked', async () => {
  const { page } = admin;
  await page.goto('/r/customer_groups/create');
  const form = page.getByTestId('form-customer_groups');
  await form.getByTestId('field-code').waitFor({ timeout: 30_000 });
  const keyLabel = specs.get('customer_groups')!.fields.find((f) => f.name === 'id')!.label;
  const labels = await form.locator('.ant-form-item-label label').evaluateAll((nodes) => nodes.map((label) => {
    const target = document.getElementById(label.getAttribute('for') ?? '');
    return { text: label.textContent?.trim(), testId: target?.getAttribute('data-testid') ?? null, tag: target?.tagName ?? null };
  }));
  assert.ok(labels.length >= 2, `the form has ${labels.length} labels`);
  assert.ok(!labels.some((l) => l.text === keyLabel), `the create form asks for "${keyLabel}", which the database makes`);
  assert.deepEqual(labels.filter((l) => !l.testId?.startsWith('field-')), [], 'labels whose `for` names no field input');
  // Clicking a label puts the caret in its input.
  await form.locator('.ant-form-item-label label', { hasText: labels.find((l) => l.testId === 'field-name')!.text! }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'field-name');
});

test('a date picker of the French admin speaks French', async () => {
  const { page } = admin;
  await page.goto('/r/orders/create');
  await page.getByTestId('field-delivery_date').click({ timeout: 30_000 });
  const dropdown = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').first();
  await dropdown.waitFor({ timeout: 15_000 });
  const text = (await dropdown.textContent()) ?? '';
  assert.match(text, /Aujourd'hui/, `the picker says: ${text.slice(0, 120)}`);
  assert.doesNotMatch(text, /\bToday\b/);
  await page.keyboard.press('Escape');
});

test('stored statuses and methods show in words, agreeing with the row', async () => {
  const { page } = admin;
  const { data: paid } = await service.from('payments').select('id').eq('status', 'succeeded').eq('method', 'stripe').limit(1).single();
  assert.ok(paid, 'the demo seed has a succeeded Stripe payment');
  await page.goto(`/r/payments/show/${paid.id}`);
  const shown = page.getByTestId('show-payments');
  await shown.waitFor({ timeout: 30_000 });
  assert.equal((await shown.getByTestId('value-status').innerText()).trim(), values.fr.values.status.succeeded);
  assert.equal((await shown.getByTestId('value-method').innerText()).trim(), values.fr.values.method.stripe);

  const { data: cancelled } = await service.from('orders').select('id').eq('status', 'cancelled').limit(1).single();
  assert.ok(cancelled, 'the demo seed has a cancelled order');
  await page.goto(`/r/orders/show/${cancelled.id}`);
  await page.getByTestId('order-detail').waitFor({ timeout: 30_000 });
  // A cancelled order is « Annulée » (feminine), where a payment would be « Annulé ».
  assert.equal((await page.getByTestId('order-status').first().innerText()).trim(), values.fr.tableValues.orders.status.cancelled);
  assert.notEqual(values.fr.tableValues.orders.status.cancelled, values.fr.values.status.cancelled);
});

test("a supplier opening another supplier's row by its edit URL gets no form and no Save; its own row's form opens", async () => {
  const { data: users } = await service.auth.admin.listUsers();
  const rowOf = async (email: string) => {
    const user = users.users.find((u) => u.email === email)!;
    const { data: membership } = await service.from('memberships').select('supplier_id').eq('user_id', user.id).eq('role', 'supplier').single();
    const { data: row } = await service.from('supplier_products').select('id').eq('supplier_id', membership!.supplier_id).limit(1).single();
    return row!.id as string;
  };
  const own = await rowOf(DEMO.supplier1);
  const other = await rowOf(DEMO.supplier2);
  const { context, page } = await newSession(browser, stack.adminUrl);
  try {
    await signInWithPassword(page, DEMO.supplier1, DEMO.password);
    await page.goto(`/r/supplier_products/edit/${own}`);
    await page.getByTestId('form-supplier_products').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('save-button').count(), 1, 'the own row has no Save button');

    await page.goto(`/r/supplier_products/edit/${other}`);
    await page.getByTestId('record-missing').waitFor({ timeout: 30_000 });
    await screenshot(page, 'supplier-edit-other-row');
    assert.equal(await page.getByTestId('form-supplier_products').count(), 0, "another supplier's row got an edit form");
    assert.equal(await page.getByTestId('save-button').count(), 0, "another supplier's row got a Save button");
    // A key that is not even a uuid says the same, without waiting for retries.
    await page.goto('/r/supplier_products/edit/not-a-key');
    await page.getByTestId('record-missing').waitFor({ timeout: 10_000 });
  } finally {
    await context.close();
  }
});

test("the order detail's previous orders show their date and amount apart", async () => {
  const { page } = admin;
  const { data: rows } = await service.from('orders').select('id, customer_id').not('customer_id', 'is', null).not('placed_at', 'is', null).order('number');
  const counts = new Map<string, number>();
  for (const row of rows ?? []) counts.set(row.customer_id, (counts.get(row.customer_id) ?? 0) + 1);
  const order = (rows ?? []).find((row) => (counts.get(row.customer_id) ?? 0) > 1);
  assert.ok(order, 'the demo seed has a customer with several placed orders');
  await page.goto(`/r/orders/show/${order.id}`);
  const previous = page.getByTestId('previous-order');
  await previous.first().waitFor({ timeout: 30_000 });
  const first = previous.first();
  const date = (await first.getByTestId('previous-order-date').innerText()).trim();
  const total = (await first.getByTestId('previous-order-total').innerText()).trim();
  assert.ok(date && total, `date "${date}", total "${total}"`);
  // Laid out apart: the date on a line of its own, not glued to the amount.
  const lines = (await first.innerText()).split('\n').map((line) => line.trim());
  assert.ok(lines.includes(date), `the date is not on a line of its own in ${JSON.stringify(lines)}`);
  assert.ok(!lines.some((line) => line.includes(date) && line.includes(total)), `date and amount share a line in ${JSON.stringify(lines)}`);
});
