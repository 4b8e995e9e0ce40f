// Who may read and change orders, their items and history, the workflow and document sequences.
// Staff work on their shops' orders; admins on all, and only they delete (drafts); marketers and
// suppliers see nothing here (suppliers see dropship orders through supplier_orders).
import { sql } from '../../helpers/env.ts';
import { access, type Row, type TableSpec } from '../permissions.ts';
import { insertRow, type World } from '../world.ts';
import { makeOrder, makeOrderItem, makeOwnWarehouse, makeStockedVariant } from './builders.ts';

const { REFUSED, SEE_NOTHING, EVERYTHING } = access;
const readOnly = (select: string[]) => ({ select, insert: false, update: false, delete: false });

/** Per world: a draft order in each shop, each with one item. */
const fixtures = new WeakMap<World, Promise<{ variant: Row; a: Row; b: Row; itemA: Row; itemB: Row }>>();
export function orderWorld(world: World) {
  if (!fixtures.has(world)) {
    fixtures.set(
      world,
      (async () => {
        const warehouse = await makeOwnWarehouse(world);
        const variant = await makeStockedVariant(world, warehouse.id, 0);
        const a = await makeOrder(world, world.shopA);
        const b = await makeOrder(world, world.shopB);
        return { variant, a, b, itemA: await makeOrderItem(a.id, variant.id), itemB: await makeOrderItem(b.id, variant.id) };
      })(),
    );
  }
  return fixtures.get(world)!;
}

export const specs: TableSpec[] = [
  {
    table: 'document_sequences',
    rows: async (w) => {
      await orderWorld(w);
      const found = await sql(`select id, shop_id from public.document_sequences where shop_id = any ($1) and kind = 'order'`, [[w.shopA, w.shopB]]);
      return Object.fromEntries(found.map((r) => [r.shop_id === w.shopA ? 'a' : 'b', { id: r.id }]));
    },
    insert: (w) => ({ shop_id: w.shopA, kind: 'quote', year: 2031, last_value: 5 }),
    update: { row: 'a', set: { last_value: 999 } },
    access: {
      admin: readOnly(['a', 'b']),
      staffA: readOnly(['a']),
      staffB: readOnly(['b']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'order_status_transitions',
    rows: async (w) => ({ extra: await insertRow('order_status_transitions', { from_status: `matrix-${w.tag}`, to_status: 'pending' }) }),
    insert: (w) => ({ from_status: `new-${w.tag}`, to_status: 'pending' }),
    update: { row: 'extra', set: { to_status: 'confirmed' } },
    deletable: (w) => insertRow('order_status_transitions', { from_status: `gone-${w.tag}-${Math.random()}`, to_status: 'pending' }),
    access: {
      admin: EVERYTHING(['extra']),
      staffA: readOnly(['extra']),
      staffB: readOnly(['extra']),
      marketer: readOnly(['extra']),
      supplierX: readOnly(['extra']),
      supplierY: readOnly(['extra']),
      anon: REFUSED,
    },
  },
  {
    table: 'orders',
    rows: async (w) => {
      const { a, b } = await orderWorld(w);
      return { a, b };
    },
    insert: (w) => ({ shop_id: w.shopA, channel: 'whatsapp', status: 'draft', notes: `inserted by the matrix ${w.tag}` }),
    update: { row: 'a', set: { notes: 'changed by the matrix' } },
    deletable: (w) => makeOrder(w, w.shopA),
    access: {
      admin: EVERYTHING(['a', 'b']),
      staffA: { select: ['a'], insert: true, update: true, delete: false },
      staffB: readOnly(['b']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'order_items',
    rows: async (w) => {
      const { itemA, itemB } = await orderWorld(w);
      return { a: itemA, b: itemB };
    },
    insert: async (w) => {
      const { a, variant } = await orderWorld(w);
      return { order_id: a.id, variant_id: variant.id, quantity: 7 };
    },
    update: { row: 'a', set: { quantity: 3 } },
    deletable: async (w) => {
      const { a, variant } = await orderWorld(w);
      return makeOrderItem(a.id, variant.id, 5);
    },
    access: {
      admin: EVERYTHING(['a', 'b']),
      staffA: EVERYTHING(['a']),
      staffB: readOnly(['b']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'order_status_history',
    rows: async (w) => {
      const { a, b } = await orderWorld(w);
      const found = await sql(`select id, order_id from public.order_status_history where order_id = any ($1)`, [[a.id, b.id]]);
      return Object.fromEntries(found.map((r) => [r.order_id === a.id ? 'a' : 'b', { id: r.id }]));
    },
    insert: async (w) => ({ order_id: (await orderWorld(w)).a.id, shop_id: w.shopA, from_status: 'draft', to_status: 'pending', note: 'forged' }),
    update: { row: 'a', set: { note: 'rewritten history' } },
    access: {
      admin: readOnly(['a', 'b']),
      staffA: readOnly(['a']),
      staffB: readOnly(['b']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
];
