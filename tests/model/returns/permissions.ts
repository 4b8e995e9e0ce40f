// Who may read and change returns, their items, refunds and store credit: staff of the shop and
// admins; marketers and suppliers nothing. Only admins delete returns and refunds; store credit is
// an append-only ledger nobody changes.
import { access, type TableSpec } from '../permissions.ts';
import type { World } from '../world.ts';
import { makeCustomer } from '../customers/builders.ts';
import { makeOwnWarehouse, makePlacedOrder, makeStockedVariant } from '../orders/builders.ts';
import { sql } from '../../helpers/env.ts';
import { makeRefund, makeReturn, makeReturnItem, makeStoreCredit } from './builders.ts';

const { REFUSED, SEE_NOTHING, EVERYTHING } = access;
const readOnly = (select: string[]) => ({ select, insert: false, update: false, delete: false });
const adminDeletes = (labels: string[]) => ({ select: labels, insert: true, update: true, delete: true });
const staffWrites = (labels: string[]) => ({ select: labels, insert: true, update: true, delete: false });

const fixtures = new WeakMap<World, Promise<Record<string, any>>>();
function returnsWorld(world: World) {
  if (!fixtures.has(world)) {
    fixtures.set(
      world,
      (async () => {
        const warehouse = await makeOwnWarehouse(world);
        const variant = await makeStockedVariant(world, warehouse.id, 100);
        const customer = await makeCustomer(world, { shopId: world.shopA });
        const orderA = await makePlacedOrder(world, world.shopA, warehouse.id, [{ variantId: variant.id, quantity: 5 }], { customer_id: customer.id });
        const orderB = await makePlacedOrder(world, world.shopB, warehouse.id, [{ variantId: variant.id, quantity: 5 }], { customer_id: customer.id });
        const [itemA] = await sql(`select * from public.order_items where order_id = $1`, [orderA.id]);
        const [itemB] = await sql(`select * from public.order_items where order_id = $1`, [orderB.id]);
        const returnA = await makeReturn(orderA.id);
        const returnB = await makeReturn(orderB.id);
        return { customer, orderA, orderB, itemA, itemB, returnA, returnB };
      })(),
    );
  }
  return fixtures.get(world)!;
}

export const specs: TableSpec[] = [
  {
    table: 'return_requests',
    rows: async (w) => {
      const { returnA, returnB } = await returnsWorld(w);
      return { a: returnA, b: returnB };
    },
    insert: async (w) => ({ order_id: (await returnsWorld(w)).orderA.id, reason: `matrix ${w.tag}` }),
    update: { row: 'a', set: { reason: 'changed by the matrix' } },
    deletable: async (w) => makeReturn((await returnsWorld(w)).orderA.id, { reason: 'to delete' }),
    access: {
      admin: adminDeletes(['a', 'b']),
      staffA: staffWrites(['a']),
      staffB: readOnly(['b']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'return_items',
    rows: async (w) => {
      const { returnA, returnB, itemA, itemB } = await returnsWorld(w);
      return { a: await makeReturnItem(returnA.id, itemA.id), b: await makeReturnItem(returnB.id, itemB.id) };
    },
    insert: async (w) => {
      const { returnA, itemA } = await returnsWorld(w);
      return { return_id: returnA.id, order_item_id: itemA.id, quantity: 2, condition: 'damaged', restock: false };
    },
    update: { row: 'a', set: { condition: 'opened' } },
    deletable: async (w) => {
      const { returnA, itemA } = await returnsWorld(w);
      return makeReturnItem(returnA.id, itemA.id, 1, { condition: 'defective' });
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
    table: 'refunds',
    rows: async (w) => {
      const { orderA, orderB, returnA, returnB } = await returnsWorld(w);
      return { a: await makeRefund(orderA.id, 100, { return_id: returnA.id }), b: await makeRefund(orderB.id, 100, { return_id: returnB.id }) };
    },
    insert: async (w) => ({ order_id: (await returnsWorld(w)).orderA.id, method: 'original_payment', amount_cents: 123 }),
    update: { row: 'a', set: { status: 'succeeded' } },
    deletable: async (w) => makeRefund((await returnsWorld(w)).orderA.id, 99),
    access: {
      admin: adminDeletes(['a', 'b']),
      staffA: staffWrites(['a']),
      staffB: readOnly(['b']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
  {
    table: 'store_credit_entries',
    rows: async (w) => {
      const { customer } = await returnsWorld(w);
      return { a: await makeStoreCredit(customer.id, w.shopA, 500), b: await makeStoreCredit(customer.id, w.shopB, 500) };
    },
    insert: async (w) => ({ customer_id: (await returnsWorld(w)).customer.id, shop_id: w.shopA, amount_cents: 50, reason: `matrix ${w.tag}` }),
    update: { row: 'a', set: { reason: 'rewritten' } },
    access: {
      admin: { select: ['a', 'b'], insert: true, update: false, delete: false },
      staffA: { select: ['a'], insert: true, update: false, delete: false },
      staffB: readOnly(['b']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
];
