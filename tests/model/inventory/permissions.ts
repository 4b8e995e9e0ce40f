// Who may read and change warehouses, stock levels, the stock ledger and low-stock alerts: admins
// and staff read them all and record movements in our own warehouses, global staff manage
// warehouses, a supplier reads its own warehouse's, marketers nothing; nobody writes levels or
// changes a movement. Low-stock alerts: admins (and global staff) all, staff of some shops those of
// the products listed in their shops.
import { sql } from '../../helpers/env.ts';
import { access, type Access, type TableSpec } from '../permissions.ts';
import { makeListing, makeProduct, makeVariant } from '../catalogue/builders.ts';
import { makeSupplierProduct } from '../suppliers/builders.ts';
import type { World } from '../world.ts';
import { makeWarehouse, receiveStock } from './builders.ts';

const { REFUSED, SEE_NOTHING, EVERYTHING } = access;
const readOnly = (select: string[]): Access => ({ select, insert: false, update: false, delete: false });

/** Our warehouse 'own' with stock, and suppliers X's and Y's warehouses made by their declared stock. */
async function stockWorld(w: World) {
  const variant = await makeVariant(w, (await makeProduct(w)).id);
  const own = await makeWarehouse(w);
  await receiveStock(variant.id, own.id, 10);
  await makeSupplierProduct(w, w.supplierX, variant.id, { stock_quantity: 5 });
  await makeSupplierProduct(w, w.supplierY, variant.id, { stock_quantity: 3 });
  const [x, y] = await Promise.all(
    [w.supplierX, w.supplierY].map(async (s) => (await sql(`select * from public.warehouses where supplier_id = $1`, [s]))[0]),
  );
  return { variant, own, x, y };
}

const stockAccess = (staff: Access): TableSpec['access'] => ({
  admin: staff,
  staffA: staff,
  staffB: staff,
  marketer: SEE_NOTHING,
  supplierX: readOnly(['x']),
  supplierY: readOnly(['y']),
  anon: REFUSED,
});

const worlds = new WeakMap<World, Awaited<ReturnType<typeof stockWorld>>>();
const stockOf = async (w: World) => {
  if (!worlds.has(w)) worlds.set(w, await stockWorld(w));
  return worlds.get(w)!;
};

export const specs: TableSpec[] = [
  {
    table: 'warehouses',
    rows: async (w) => {
      const s = await stockOf(w);
      return { own: s.own, x: s.x, y: s.y };
    },
    insert: (w) => ({ code: `new-${w.tag}`, name: 'A new warehouse' }),
    update: { row: 'own', set: { name: 'Renamed warehouse' } },
    deletable: (w) => makeWarehouse(w),
    access: { ...stockAccess(readOnly(['own', 'x', 'y'])), admin: EVERYTHING(['own', 'x', 'y']) },
  },
  {
    table: 'stock_levels',
    rows: async (w) => {
      const s = await stockOf(w);
      const level = async (warehouseId: string) =>
        (await sql(`select id from public.stock_levels where variant_id = $1 and warehouse_id = $2`, [s.variant.id, warehouseId]))[0];
      return { own: await level(s.own.id), x: await level(s.x.id), y: await level(s.y.id) };
    },
    insert: async (w) => {
      const s = await stockOf(w);
      return { variant_id: (await makeVariant(w, s.variant.product_id)).id, warehouse_id: s.own.id, quantity: 3 };
    },
    update: { row: 'own', set: { quantity: 999 } },
    access: stockAccess(readOnly(['own', 'x', 'y'])),
  },
  {
    table: 'stock_movements',
    rows: async (w) => {
      const s = await stockOf(w);
      const movement = async (warehouseId: string) =>
        (await sql(`select id from public.stock_movements where variant_id = $1 and warehouse_id = $2 order by id limit 1`, [s.variant.id, warehouseId]))[0];
      return { own: await movement(s.own.id), x: await movement(s.x.id), y: await movement(s.y.id) };
    },
    insert: async (w) => ({ variant_id: (await stockOf(w)).variant.id, warehouse_id: (await stockOf(w)).own.id, quantity: -1, reason: 'adjustment', note: `matrix ${w.tag}` }),
    update: { row: 'own', set: { quantity: 11 } },
    deletable: async (w) => {
      const s = await stockOf(w);
      return (await sql(`insert into public.stock_movements (variant_id, warehouse_id, quantity, reason) values ($1, $2, 1, 'purchase') returning id`, [s.variant.id, s.own.id]))[0];
    },
    access: stockAccess({ select: ['own', 'x', 'y'], insert: true, update: false, delete: false }),
  },
  {
    table: 'stock_alerts',
    key: 'variant_id',
    view: true,
    // Low in shop A (listed there), low in shop B, low and listed nowhere, and a variant above its threshold.
    rows: async (w) => {
      const lowVariant = async (shopId: string | null, stock: number) => {
        const product = await makeProduct(w);
        if (shopId) await makeListing(w, product.id, shopId);
        const variant = await makeVariant(w, product.id, { low_stock_threshold: 5 });
        await receiveStock(variant.id, (await stockOf(w)).own.id, stock);
        return { id: variant.id };
      };
      return { lowA: await lowVariant(w.shopA, 5), lowB: await lowVariant(w.shopB, 2), unlisted: await lowVariant(null, 1), fine: await lowVariant(w.shopA, 6) };
    },
    access: {
      admin: readOnly(['lowA', 'lowB', 'unlisted']),
      staffA: readOnly(['lowA']),
      staffB: readOnly(['lowB']),
      marketer: SEE_NOTHING,
      supplierX: SEE_NOTHING,
      supplierY: SEE_NOTHING,
      anon: REFUSED,
    },
  },
];
