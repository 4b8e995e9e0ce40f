// Issued invoices and credit notes are frozen for everyone (corrections are credit notes, which
// never credit more than the invoice); totals come from the lines; orders are invoiced by RPC.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, serviceClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeCustomer, makeAddress } from '../customers/builders.ts';
import { makeOrder, makeOrderItem, makeOwnWarehouse, makePlacedOrder, makeStockedVariant } from '../orders/builders.ts';
import { issue, makeInvoice, makeInvoiceLine } from './builders.ts';

let world: World;
let year: number;
before(async () => {
  world = await createWorld();
  [{ year }] = await sql(`select extract(year from now())::int as year`);
});

test('an issued invoice and its lines cannot be changed or deleted, by staff or the service role', async () => {
  const invoice = await issue((await makeInvoice(world.shopA)).id);
  const snapshot = async () => (await sql(`select to_jsonb(i) as row from public.invoices i where id = $1`, [invoice.id]))[0].row;
  const original = await snapshot();
  const [line] = await sql(`select id from public.invoice_lines where invoice_id = $1`, [invoice.id]);
  const frozen = `invoice ${invoice.number} is issued and cannot be changed: issue a credit note to correct it`;
  const linesFrozen = `invoice ${invoice.number} is issued: its lines cannot be changed; issue a credit note to correct it`;
  for (const client of [anonClient(world.tokens.staffA), anonClient(world.tokens.admin), serviceClient()]) {
    const update = await client.from('invoices').update({ notes: 'changed' }).eq('id', invoice.id);
    assert.equal(update.status, 400);
    assert.equal(update.error!.message, frozen);
    const remove = await client.from('invoices').delete().eq('id', invoice.id);
    assert.equal(remove.error!.message, `invoice ${invoice.number} is issued: it cannot be deleted; issue a credit note to correct it`);
    assert.equal((await client.from('invoice_lines').update({ quantity: 9 }).eq('id', line.id)).error!.message, linesFrozen);
    assert.equal((await client.from('invoice_lines').delete().eq('id', line.id)).error!.message, linesFrozen);
    const added = await client.from('invoice_lines').insert({ invoice_id: invoice.id, description: 'more', quantity: 1, unit_price_cents: 1 });
    assert.equal(added.error!.message, linesFrozen);
  }
  assert.deepEqual(await snapshot(), original);
  const lines = await sql(`select quantity from public.invoice_lines where invoice_id = $1`, [invoice.id]);
  assert.deepEqual(lines, [{ quantity: 1 }]);
  await assert.rejects(sql(`update public.invoices set total_cents = 0 where id = $1`, [invoice.id]), { message: frozen });
});

test('an issued quote may only be cancelled', async () => {
  const quote = await issue((await makeInvoice(world.shopA, { kind: 'quote' })).id);
  const staff = anonClient(world.tokens.staffA);
  const edit = await staff.from('invoices').update({ status: 'cancelled', notes: 'and a note' }).eq('id', quote.id);
  assert.equal(edit.error!.message, `quote ${quote.number} is issued and cannot be changed (only cancelled)`);
  assert.equal((await staff.from('invoices').update({ status: 'cancelled' }).eq('id', quote.id)).status, 204);
});

test('draft totals come from the lines: VAT included, subtotal without it', async () => {
  const staff = anonClient(world.tokens.staffA);
  const draft = await makeInvoice(world.shopA, {}, []);
  for (const line of [
    { invoice_id: draft.id, description: 'Robe', quantity: 2, unit_price_cents: 6000, tax_rate_bp: 2000 },
    { invoice_id: draft.id, description: 'Livre', quantity: 1, unit_price_cents: 2110, tax_rate_bp: 550 },
  ]) {
    assert.equal((await staff.from('invoice_lines').insert(line)).status, 201);
  }
  const [row] = await sql(`select subtotal_cents, tax_cents, total_cents from public.invoices where id = $1`, [draft.id]);
  assert.deepEqual(row, { total_cents: '14110', tax_cents: String(2000 + 110), subtotal_cents: String(14110 - 2110) });
  const forged = await staff.from('invoices').update({ total_cents: 1 }).eq('id', draft.id);
  assert.equal(forged.status, 403);
});

test('credit notes: their own series, an issued invoice to correct, never more than its total', async () => {
  const invoice = await issue((await makeInvoice(world.shopB, {}, [{ description: 'Sac', quantity: 1, unit_price_cents: 5000 }])).id);
  const staff = anonClient(world.tokens.staffB);
  const first = await makeInvoice(world.shopB, { kind: 'credit_note', corrects_invoice_id: invoice.id }, [{ description: 'Retour', quantity: 1, unit_price_cents: 3000 }]);
  const issued = await staff.rpc('issue_invoice', { invoice_id: first.id });
  assert.equal(issued.data.number, `AVO-${year}-0001`);
  const second = await makeInvoice(world.shopB, { kind: 'credit_note', corrects_invoice_id: invoice.id }, [{ description: 'Retour', quantity: 1, unit_price_cents: 2001 }]);
  const refused = await staff.rpc('issue_invoice', { invoice_id: second.id });
  assert.equal(refused.status, 400);
  assert.equal(refused.error!.message, `credit notes of invoice ${invoice.number} would total 5001 cents, more than its 5000 cents`);
  const [still] = await sql(`select status from public.invoices where id = $1`, [second.id]);
  assert.equal(still.status, 'draft');

  const noInvoice = await staff.from('invoices').insert({ shop_id: world.shopB, kind: 'credit_note' });
  assert.equal(noInvoice.status, 400);
  assert.equal(noInvoice.error!.code, '23514');
  const draftInvoice = await makeInvoice(world.shopB);
  const onDraft = await staff.from('invoices').insert({ shop_id: world.shopB, kind: 'credit_note', corrects_invoice_id: draftInvoice.id });
  assert.equal(onDraft.error!.message, 'a credit note corrects an issued invoice of the same shop');
});

test("invoice_order drafts an order's invoice; issuing snapshots the customer", async () => {
  const warehouse = await makeOwnWarehouse(world);
  const variant = await makeStockedVariant(world, warehouse.id, 10, { price_cents: 2500 });
  const customer = await makeCustomer(world, { shopId: world.shopA, displayName: 'Camille Martin' });
  await makeAddress(customer.id, { city: 'Lyon' }, true);
  const order = await makePlacedOrder(world, world.shopA, warehouse.id, [{ variantId: variant.id, quantity: 2 }], { customer_id: customer.id, shipping_cents: 500 });
  const staff = anonClient(world.tokens.staffA);
  const drafted = await staff.rpc('invoice_order', { order_id: order.id });
  assert.equal(drafted.error, null, JSON.stringify(drafted.error));
  const issued = await staff.rpc('issue_invoice', { invoice_id: drafted.data });
  assert.equal(issued.data.total_cents, 5500);
  assert.equal(issued.data.customer_snapshot.display_name, 'Camille Martin');
  assert.match(issued.data.customer_snapshot.address, /Lyon/);
  const lines = await sql(`select description, quantity, unit_price_cents from public.invoice_lines where invoice_id = $1 order by position`, [drafted.data]);
  assert.deepEqual(lines.map((l) => `${l.quantity} × ${l.unit_price_cents}`), ['2 × 2500', '1 × 500']);
  const other = await anonClient(world.tokens.staffB).rpc('invoice_order', { order_id: order.id });
  assert.equal(other.status, 403);
});

test("invoice_order labels the shipping and discount lines in the shop's language", async () => {
  const warehouse = await makeOwnWarehouse(world);
  const variant = await makeStockedVariant(world, warehouse.id, 10, { price_cents: 2500 });
  const labels = async (shopId: string, token: string) => {
    const order = await makePlacedOrder(world, shopId, warehouse.id, [{ variantId: variant.id }], { shipping_cents: 500, discount_cents: 300 });
    const drafted = await anonClient(token).rpc('invoice_order', { order_id: order.id });
    assert.equal(drafted.error, null, JSON.stringify(drafted.error));
    const lines = await sql(`select description, unit_price_cents from public.invoice_lines where invoice_id = $1 and position >= 10000 order by position`, [drafted.data]);
    return lines.map((l) => `${l.description} ${l.unit_price_cents}`);
  };
  // Shop A is French (the default locale), shop B English.
  assert.deepEqual(await labels(world.shopA, world.tokens.staffA), ['Livraison 500', 'Remise -300']);
  assert.deepEqual(await labels(world.shopB, world.tokens.staffB), ['Shipping 500', 'Discount -300']);
});

test('invoice_order numbers the item lines 1, 2, 3 in item order, discounted or not', async () => {
  const warehouse = await makeOwnWarehouse(world);
  const variants = [];
  for (const price of [1000, 2000, 3000]) variants.push(await makeStockedVariant(world, warehouse.id, 10, { price_cents: price }));
  const order = await makeOrder(world, world.shopA, { status: 'pending', warehouse_id: warehouse.id });
  await makeOrderItem(order.id, variants[0].id, 2);
  await makeOrderItem(order.id, variants[1].id, 3, { discount_cents: 500 });
  await makeOrderItem(order.id, variants[2].id, 1);
  const drafted = await anonClient(world.tokens.staffA).rpc('invoice_order', { order_id: order.id });
  assert.equal(drafted.error, null, JSON.stringify(drafted.error));
  const lines = await sql(`select position, quantity, unit_price_cents from public.invoice_lines where invoice_id = $1 order by position`, [drafted.data]);
  assert.deepEqual(lines.map((l) => `${l.position}: ${l.quantity} × ${l.unit_price_cents}`), ['1: 2 × 1000', '2: 1 × 5500', '3: 1 × 3000']);
});
