// The sales screens in Chromium against `npm start` on the demo seed: the order board (a drag to an
// allowed status is saved; a drag the workflow forbids, and one the database refuses because the order
// changed behind the board's back, both snap back with the reason), the order detail and the
// dashboard. Every outcome is read back from the database through the REST API.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SupabaseClient } from '@supabase/supabase-js';
import { DEMO, serviceClient, startComptoir, userClient, type RunningComptoir } from '../../helpers/comptoir.ts';
import { dragTo, eventually, launchBrowser, newSession, pageErrors, screenshot, signInWithPassword } from '../../helpers/browser.ts';

let stack: RunningComptoir;
let browser: Browser;
let api: SupabaseClient<any, any, any>;
let service: SupabaseClient<any, any, any>;
let admin: { context: BrowserContext; page: Page };

before(async () => {
  stack = await startComptoir();
  browser = await launchBrowser();
  api = await userClient(stack, DEMO.admin, DEMO.password);
  service = serviceClient(stack);
  // Wide enough for every column of the board side by side.
  admin = await newSession(browser, stack.adminUrl, { viewport: { width: 2400, height: 1200 } });
  await signInWithPassword(admin.page, DEMO.admin, DEMO.password);
}, { timeout: 420_000 });

after(async () => {
  await admin?.context.close().catch(() => {});
  await browser?.close().catch(() => {});
  await stack?.stop();
});

const column = (page: Page, status: string) => page.getByTestId(`board-column-${status}`);
/**
 * An order's card. Cards carry `order-card-<number>`, but numbers restart in every shop, so the card is
 * told apart by the link to its order's detail.
 */
const card = (page: Page, id: string) =>
  page.locator('[data-testid^="order-card-"]').filter({ has: page.locator(`a[href="/r/orders/show/${id}"]`) });

/** The ids of the orders whose cards a board column shows. */
async function idsIn(page: Page, status: string): Promise<string[]> {
  return column(page, status).locator('[data-testid^="order-card-"] a[href^="/r/orders/show/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/').pop()!));
}

async function statusOf(id: string): Promise<string> {
  const { data, error } = await api.from('orders').select('status').eq('id', id).single();
  assert.equal(error, null, error?.message);
  return data!.status as string;
}

/** Orders the board shows as pending that the database has as pending, with their numbers. */
async function pendingCards(page: Page): Promise<Array<{ id: string; number: string }>> {
  await column(page, 'pending').locator('[data-testid^="order-card-"]').first().waitFor({ timeout: 30_000 });
  const shown = await idsIn(page, 'pending');
  const { data } = await api.from('orders').select('id, number, status').in('id', shown);
  const pending = new Map((data ?? []).filter((row) => row.status === 'pending').map((row) => [row.id as string, row.number as string]));
  return shown.filter((id) => pending.has(id)).map((id) => ({ id, number: pending.get(id)! }));
}

async function isIn(page: Page, status: string, id: string): Promise<boolean> {
  return (await idsIn(page, status)).includes(id);
}

test('the dashboard shows its figures, chart and shops', async () => {
  const { page } = admin;
  await page.goto('/dashboard');
  const dashboard = page.getByTestId('dashboard');
  await dashboard.locator('[data-testid^="dashboard-figure-"]').first().waitFor({ timeout: 30_000 });
  // The chart library is loaded after the page: wait for the drawn chart, then for every spinner to stop.
  await page.getByTestId('dashboard-chart').locator('canvas').first().waitFor({ timeout: 60_000 });
  await eventually(() => dashboard.locator('.ant-spin-spinning').count(), (n) => n === 0, (n) => `${n} spinner(s) still turning on the dashboard`, 30_000);
  assert.equal(await page.getByTestId('dashboard-error').count(), 0, 'the dashboard shows an error');
  await screenshot(page, 'dashboard');
  assert.deepEqual(pageErrors(page), []);
});

test('an order dragged to an allowed status on the board is saved', async () => {
  const { page } = admin;
  await page.goto('/board');
  const [order] = await pendingCards(page);
  assert.ok(order, 'the board shows no pending order');
  await screenshot(page, 'order-board');

  await dragTo(page, card(page, order.id), column(page, 'confirmed'));
  await eventually(() => statusOf(order.id), (status) => status === 'confirmed',
    (status) => `order ${order.number} dragged to "confirmed" is "${status}" in the database`);
  await eventually(() => isIn(page, 'confirmed', order.id), Boolean, () => `the card of ${order.number} is not in the confirmed column`);
  assert.equal(await page.getByTestId('board-error').count(), 0, 'an allowed move showed an error');

  // A move the workflow has no transition for (confirmed → paid): the card snaps back, the reason shows.
  await dragTo(page, card(page, order.id), column(page, 'paid'));
  const error = page.getByTestId('board-error');
  await error.waitFor({ timeout: 15_000 });
  assert.ok(((await error.textContent()) ?? '').trim().length > 0, 'the refusal shows no reason');
  await eventually(() => isIn(page, 'confirmed', order.id), Boolean, () => `the card of ${order.number} did not snap back to "confirmed"`);
  assert.ok(!(await isIn(page, 'paid', order.id)), 'the refused card stayed in "paid"');
  assert.equal(await statusOf(order.id), 'confirmed', 'a refused move changed the order');
});

test('a move the database refuses (the order was cancelled meanwhile) snaps back with its reason', async () => {
  const { page } = admin;
  await page.goto('/board');
  const candidates = await pendingCards(page);
  assert.ok(candidates.length > 0, 'the board shows no pending order');
  const order = candidates[candidates.length - 1];
  // Someone else cancels it: the board still shows it pending, and offers pending → confirmed.
  const { error: cancelError } = await service.from('orders').update({ status: 'cancelled' }).eq('id', order.id);
  assert.equal(cancelError, null, cancelError?.message);

  await dragTo(page, card(page, order.id), column(page, 'confirmed'));
  const error = page.getByTestId('board-error');
  await error.waitFor({ timeout: 15_000 });
  const reason = (await error.textContent()) ?? '';
  // The database's own words: "order <number> cannot go from cancelled to confirmed: it is cancelled for good".
  assert.ok(reason.includes(order.number) && reason.includes('cancelled'), `the reason shown is not the database's: "${reason}"`);
  // Back where it was (or, after a refresh, where the database has it), not where it was dropped.
  const where = async () => (await isIn(page, 'confirmed', order.id)) ? 'confirmed'
    : (await isIn(page, 'pending', order.id)) ? 'pending' : (await isIn(page, 'cancelled', order.id)) ? 'cancelled' : 'nowhere';
  await eventually(where, (place) => place === 'pending' || place === 'cancelled',
    (place) => `after the refusal the card of ${order.number} is in "${place}"`);
  assert.equal(await statusOf(order.id), 'cancelled');
});

test('the order detail shows the items, total and customer of an order', async () => {
  const { page } = admin;
  const { data: order } = await api.from('orders')
    .select('id, number, total_cents, currency, customer_id, order_items!order_items_order_id_fkey(product_name)')
    .not('customer_id', 'is', null).eq('status', 'paid').order('number').limit(1).single();
  assert.ok(order && order.order_items.length > 0, 'the demo seed has a paid order with items and a customer');
  const { data: customer } = await api.from('customers').select('display_name').eq('id', order.customer_id).single();
  await page.goto(`/r/orders/show/${order.id}`);
  await page.getByTestId('order-number').filter({ hasText: order.number }).waitFor({ timeout: 30_000 });
  const items = page.getByTestId('order-items');
  for (const item of order.order_items as Array<{ product_name: string }>) {
    await items.getByText(item.product_name, { exact: true }).first().waitFor({ timeout: 15_000 });
  }
  // The total as the French screen formats it (Node and Chromium share ICU's rules).
  const total = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: order.currency }).format(order.total_cents / 100);
  assert.equal((await page.getByTestId('order-total').textContent())?.trim(), total);
  if (customer?.display_name) await page.getByTestId('order-customer-name').filter({ hasText: customer.display_name }).waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'order-detail');
  assert.deepEqual(pageErrors(page), []);
});
