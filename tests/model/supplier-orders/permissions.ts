// Who may read and change supplier orders and their lines: staff read restock orders and their
// shops' dropships, global staff place restocks and staff their shops' dropships, a supplier reads
// its own and changes only shipping details, marketers nothing.
import { access, type Access, type TableSpec } from '../permissions.ts';
import { makeProduct, makeVariant } from '../catalogue/builders.ts';
import { makeSupplierProduct } from '../suppliers/builders.ts';
import { makeWarehouse } from '../inventory/builders.ts';
import type { World } from '../world.ts';
import { makeDropshipOrder, makeSupplierOrder, makeSupplierOrderItem } from './builders.ts';

const { REFUSED, SEE_NOTHING } = access;
const readOnly = (select: string[]): Access => ({ select, insert: false, update: false, delete: false });

/** Three orders: 'ax' a dropship of shop A by supplier X, 'by' of shop B by Y, 'x' a restock from X. */
async function orderWorld(w: World) {
  const variant = await makeVariant(w, (await makeProduct(w)).id);
  const productX = await makeSupplierProduct(w, w.supplierX, variant.id);
  const productY = await makeSupplierProduct(w, w.supplierY, variant.id);
  const warehouse = await makeWarehouse(w);
  return {
    productX,
    productY,
    ax: await makeDropshipOrder(w.supplierX, w.shopA),
    by: await makeDropshipOrder(w.supplierY, w.shopB),
    x: await makeSupplierOrder(w.supplierX, warehouse.id),
  };
}
const worlds = new WeakMap<World, Awaited<ReturnType<typeof orderWorld>>>();
const ordersOf = async (w: World) => {
  if (!worlds.has(w)) worlds.set(w, await orderWorld(w));
  return worlds.get(w)!;
};

const staffOf = (shopOrder: string): Access => ({ select: [shopOrder, 'x'], insert: true, update: true, delete: true });

export const specs: TableSpec[] = [
  {
    table: 'supplier_orders',
    rows: async (w) => {
      const o = await ordersOf(w);
      return { ax: o.ax, by: o.by, x: o.x };
    },
    insert: (w) => ({ supplier_id: w.supplierX, kind: 'dropship', shop_id: w.shopA, notes: `matrix ${w.tag}` }),
    update: { row: 'ax', set: { tracking_number: 'TRACK-1' } },
    access: {
      admin: { select: ['ax', 'by', 'x'], insert: true, update: true, delete: true },
      staffA: staffOf('ax'),
      staffB: { select: ['by', 'x'], insert: false, update: false, delete: false },
      marketer: SEE_NOTHING,
      supplierX: { select: ['ax', 'x'], insert: false, update: true, delete: false },
      supplierY: readOnly(['by']),
      anon: REFUSED,
    },
  },
  {
    table: 'supplier_order_items',
    rows: async (w) => {
      const o = await ordersOf(w);
      return {
        ax: await makeSupplierOrderItem(o.ax.id, o.productX.id, 2),
        by: await makeSupplierOrderItem(o.by.id, o.productY.id, 2),
        x: await makeSupplierOrderItem(o.x.id, o.productX.id, 2),
      };
    },
    // Each try needs an order without that variant yet.
    insert: async (w) => {
      const o = await ordersOf(w);
      return { supplier_order_id: (await makeDropshipOrder(w.supplierX, w.shopA)).id, supplier_product_id: o.productX.id, quantity: 4 };
    },
    update: { row: 'ax', set: { quantity: 5 } },
    access: {
      admin: { select: ['ax', 'by', 'x'], insert: true, update: true, delete: true },
      staffA: staffOf('ax'),
      staffB: { select: ['by', 'x'], insert: false, update: false, delete: false },
      marketer: SEE_NOTHING,
      supplierX: readOnly(['ax', 'x']),
      supplierY: readOnly(['by']),
      anon: REFUSED,
    },
  },
];
