// The order board's logic outside the browser (admin/src/pages/board): how a card moves between
// columns and snaps back, which orders are late; and the board's own queries run as real users
// through REST: columns see only the user's shops and follow the filters, the late count, and a
// move the database refuses comes back with the workflow's reason and changes nothing.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../helpers/env.ts';
import { createWorld, type World } from '../model/world.ts';
import { as } from '../model/refusals.ts';
import { makeOwnWarehouse, makePlacedOrder, makeStockedVariant, orderOf } from '../model/orders/builders.ts';
import { emptyColumns, placeCard, snapBack, type Card } from '../../admin/src/pages/board/columns.ts';
import { BOARD_STATUSES, COLUMN_PAGE, isLate } from '../../admin/src/pages/board/statuses.ts';
import { countLate, fetchColumn, fetchTransitions, moveOrder, type BoardFilters } from '../../admin/src/pages/board/queries.ts';

type Row = Record<string, any>;

// ─── Columns, without a database ─────────────────────────────────────────────────────────────────

const card = (id: string, status: string, placed: string): Card => ({ id, status, placed_at: `2026-12-0${placed}T10:00:00Z` });

function board() {
  const columns = emptyColumns<Card>();
  columns.pending = { rows: [card('c', 'pending', '5'), card('b', 'pending', '3'), card('a', 'pending', '1')], total: 40 };
  columns.confirmed = { rows: [card('d', 'confirmed', '4')], total: 7 };
  return columns;
}

test('a dropped card leaves its column and tops the other, counts following', () => {
  const moved = placeCard(board(), board().pending.rows[1], 'confirmed');
  assert.deepEqual(moved.pending.rows.map((c) => c.id), ['c', 'a']);
  assert.equal(moved.pending.total, 39);
  assert.deepEqual(moved.confirmed.rows.map((c) => `${c.id}:${c.status}`), ['b:confirmed', 'd:confirmed']);
  assert.equal(moved.confirmed.total, 8);
  assert.deepEqual(Object.keys(moved), [...BOARD_STATUSES]);
});

test('a refused card snaps back to its place by date, and the board is as it was', () => {
  const before = board();
  const original = before.pending.rows[1];
  const moved = placeCard(before, original, 'paid');
  const back = snapBack(moved, original, 'pending');
  assert.deepEqual(back, before);
});

test('late means pending for more than 24 hours', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  assert.equal(isLate({ status: 'pending', placed_at: '2026-12-05T11:59:00Z' }, now), true);
  assert.equal(isLate({ status: 'pending', placed_at: '2026-12-05T12:01:00Z' }, now), false);
  assert.equal(isLate({ status: 'confirmed', placed_at: '2026-12-01T00:00:00Z' }, now), false);
  assert.equal(isLate({ status: 'pending', placed_at: null }, now), false);
});

// ─── The board's queries, as real users ──────────────────────────────────────────────────────────

let world: World;
let warehouse: Row;
let variant: Row;
const noFilters: BoardFilters = { shopIds: [], channels: [], from: null, to: null };

before(async () => {
  world = await createWorld();
  warehouse = await makeOwnWarehouse(world);
  variant = await makeStockedVariant(world, warehouse.id, 1000);
});

const place = (shopId: string, overrides: Row = {}) => makePlacedOrder(world, shopId, warehouse.id, [{ variantId: variant.id }], overrides);

test("a column shows the user's shops only, newest first, a page of them with the count of all", async () => {
  const mine: Row[] = [];
  for (let i = 0; i < COLUMN_PAGE + 3; i++) mine.push(await place(world.shopA, { channel: i % 2 ? 'web' : 'whatsapp' }));
  const theirs = await place(world.shopB);
  const staffA = as(world, 'staffA');

  const pending = await fetchColumn(staffA, 'pending', noFilters);
  assert.equal(pending.total, mine.length);
  assert.equal(pending.rows.length, COLUMN_PAGE);
  assert.ok(pending.rows.every((o) => o.shop_id === world.shopA && o.status === 'pending'));
  assert.ok(!pending.rows.some((o) => o.id === theirs.id));
  const times = pending.rows.map((o) => o.placed_at!);
  assert.deepEqual(times, [...times].sort().reverse());
  assert.equal(pending.rows[0].shops?.name, `Shop A ${world.tag}`);

  // Asking for shop B as staff of A gives nothing rather than B's orders.
  const asked = await fetchColumn(staffA, 'pending', { ...noFilters, shopIds: [world.shopB] });
  assert.deepEqual([asked.total, asked.rows.length], [0, 0]);
  const byB = await fetchColumn(as(world, 'staffB'), 'pending', noFilters);
  assert.deepEqual(byB.rows.map((o) => o.id), [theirs.id]);

  const whatsapp = await fetchColumn(staffA, 'pending', { ...noFilters, channels: ['whatsapp'] });
  assert.equal(whatsapp.total, mine.filter((_, i) => i % 2 === 0).length);
  assert.ok(whatsapp.rows.every((o) => o.channel === 'whatsapp'));

  // Dates: orders placed before the range are left out.
  await sql(`update public.orders set placed_at = placed_at - interval '40 days' where id = $1`, [mine[0].id]);
  const today = new Date().toISOString().slice(0, 10);
  const recent = await fetchColumn(staffA, 'pending', { ...noFilters, from: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10), to: today });
  assert.equal(recent.total, mine.length - 1);
  assert.ok(!recent.rows.some((o) => o.id === mine[0].id));
});

test('the late count is the pending orders placed over 24 hours ago, whatever the dates filter', async () => {
  const staffB = as(world, 'staffB');
  const start = await countLate(staffB, noFilters);
  const old = await place(world.shopB);
  const fresh = await place(world.shopB);
  const oldConfirmed = await place(world.shopB);
  await sql(`update public.orders set placed_at = now() - interval '25 hours' where id = any ($1)`, [[old.id, oldConfirmed.id]]);
  await sql(`update public.orders set status = 'confirmed' where id = $1`, [oldConfirmed.id]);
  assert.equal(await countLate(staffB, noFilters), start + 1);
  assert.equal(await countLate(staffB, { ...noFilters, from: new Date().toISOString().slice(0, 10) }), start + 1);
  assert.equal(await countLate(as(world, 'staffA'), { ...noFilters, shopIds: [world.shopB] }), 0);
  void fresh;
});

test('the workflow the board outlines is the transitions table', async () => {
  const transitions = await fetchTransitions(as(world, 'staffA'));
  const rows = await sql(`select from_status, to_status from public.order_status_transitions`);
  assert.equal([...transitions.values()].reduce((n, s) => n + s.size, 0), rows.length);
  for (const row of rows) assert.ok(transitions.get(row.from_status)?.has(row.to_status), `${row.from_status} → ${row.to_status}`);
  assert.deepEqual([...transitions.get('pending')!].sort(), ['cancelled', 'confirmed']);
});

test('a move the workflow refuses comes back with the database reason and changes nothing; an allowed one is saved', async () => {
  const order = await place(world.shopA);
  const staffA = as(world, 'staffA');
  const refused = await moveOrder(staffA, order.id, 'paid');
  assert.deepEqual(refused, { ok: false, message: `order ${order.number} cannot go from pending to paid: next allowed statuses are confirmed, cancelled` });
  assert.equal((await orderOf(order.id)).status, 'pending');

  assert.deepEqual(await moveOrder(staffA, order.id, 'confirmed'), { ok: true });
  assert.equal((await orderOf(order.id)).status, 'confirmed');
  const history = await sql(`select from_status, to_status, changed_by from public.order_status_history where order_id = $1 order by id`, [order.id]);
  assert.deepEqual(history.map((h) => `${h.from_status ?? '∅'}→${h.to_status}`), ['∅→pending', 'pending→confirmed']);
  assert.equal(history[1].changed_by, world.users.staffA);
});

test("nobody moves an order of a shop they do not work in", async () => {
  const order = await place(world.shopA);
  for (const persona of ['staffB', 'marketer', 'supplierX'] as const) {
    const outcome = await moveOrder(as(world, persona), order.id, 'confirmed');
    assert.equal(outcome.ok, false, persona);
    assert.equal((await orderOf(order.id)).status, 'pending', persona);
  }
});
