// Documents are numbered when issued, per shop, kind and year, with no gap and no duplicate:
// fifty concurrent issuances get FAC-YYYY-0001..0050, and a failed one gives its number back.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { anonClient, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { issue, makeInvoice } from './builders.ts';

let world: World;
let year: number;
before(async () => {
  world = await createWorld();
  [{ year }] = await sql(`select extract(year from now())::int as year`);
});

const pad = (n: number) => String(n).padStart(4, '0');

test('50 concurrent issuances in one shop and year are numbered 0001 to 0050, no gap, no duplicate', async () => {
  const drafts = [];
  for (let i = 0; i < 50; i++) drafts.push(await makeInvoice(world.shopA, { notes: `race ${i}` }));
  const staff = anonClient(world.tokens.staffA);
  const replies = await Promise.all(drafts.map((d) => staff.rpc('issue_invoice', { invoice_id: d.id })));
  for (const r of replies) assert.equal(r.error, null, JSON.stringify(r.error));
  const numbers = replies.map((r) => r.data.number).sort();
  assert.deepEqual(numbers, Array.from({ length: 50 }, (_, i) => `FAC-${year}-${pad(i + 1)}`));
  const stored = await sql(`select number, status, issued_at from public.invoices where shop_id = $1 and kind = 'invoice' order by number`, [world.shopA]);
  assert.deepEqual(stored.map((s) => s.number), numbers);
  assert.ok(stored.every((s) => s.status === 'issued' && s.issued_at !== null));
});

test('a refused issuance leaves no gap, and each kind and shop has its own series', async () => {
  const staff = anonClient(world.tokens.staffB);
  const first = await staff.rpc('issue_invoice', { invoice_id: (await makeInvoice(world.shopB)).id });
  assert.equal(first.data.number, `FAC-${year}-0001`);
  const empty = await makeInvoice(world.shopB, {}, []);
  const refused = await staff.rpc('issue_invoice', { invoice_id: empty.id });
  assert.equal(refused.status, 400);
  assert.equal(refused.error!.message, 'this invoice has no lines: add some before issuing it');
  const [still] = await sql(`select status, number from public.invoices where id = $1`, [empty.id]);
  assert.deepEqual(still, { status: 'draft', number: null });
  const second = await staff.rpc('issue_invoice', { invoice_id: (await makeInvoice(world.shopB)).id });
  assert.equal(second.data.number, `FAC-${year}-0002`);
  const quote = await staff.rpc('issue_invoice', { invoice_id: (await makeInvoice(world.shopB, { kind: 'quote' })).id });
  assert.equal(quote.data.number, `DEV-${year}-0001`);
});

test('a rolled-back transaction gives its number back', async () => {
  const [shop] = await sql(`insert into public.shops (code, name) values ($1, 'Rollback shop') returning id`, [`rb-${world.tag}`]);
  await sql(`begin; select app.next_document_number('${shop.id}', 'invoice', ${year}); rollback;`);
  const [{ n }] = await sql(`select app.next_document_number($1, 'invoice', $2) as n`, [shop.id, year]);
  assert.equal(n, `FAC-${year}-0001`);
});

test('only staff of the shop issue its documents', async () => {
  const draft = await makeInvoice(world.shopA);
  for (const persona of ['staffB', 'marketer', 'supplierX'] as const) {
    const reply = await anonClient(world.tokens[persona]).rpc('issue_invoice', { invoice_id: draft.id });
    assert.equal(reply.status, 403, persona);
    assert.equal(reply.error!.message, `there is no document ${draft.id} that you work on`);
  }
  const [row] = await sql(`select status from public.invoices where id = $1`, [draft.id]);
  assert.equal(row.status, 'draft');
  assert.equal((await issue(draft.id)).status, 'issued');
});

test('after a seed written with triggers off, recomputing continues every series after its highest number', async () => {
  const [shop] = await sql(`insert into public.shops (code, name) values ($1, 'Seeded shop') returning id`, [`seed-${world.tag}`]);
  await sql(`begin; set local session_replication_role = replica;
    insert into public.invoices (shop_id, kind, status, number, issued_at) values ('${shop.id}', 'invoice', 'issued', 'FAC-${year}-0042', now());
    insert into public.orders (shop_id, number, status, currency) values ('${shop.id}', 'ORD-${year}-000007', 'draft', 'EUR');
    commit;`);
  await sql(`select app.recompute_document_sequences()`);
  const invoice = await issue((await makeInvoice(shop.id)).id);
  assert.equal(invoice.number, `FAC-${year}-0043`);
  const [order] = await sql(`insert into public.orders (shop_id, status) values ($1, 'draft') returning number`, [shop.id]);
  assert.equal(order.number, `ORD-${year}-000008`);
});
