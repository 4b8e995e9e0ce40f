// Orders for tests of any domain, inserted as the database owner (no RLS; triggers on, so numbers,
// totals, history and stock movements are the database's own).
import { sql } from '../../helpers/env.ts';
import { makeProduct, makeVariant } from '../catalogue/builders.ts';
import { insertRow, type World } from '../world.ts';

type Row = Record<string, any>;
let counter = 0;

/** One of our warehouses. */
export function makeOwnWarehouse(world: World, overrides: Row = {}): Promise<Row> {
  return insertRow('warehouses', { code: `wh-${world.tag}-${++counter}`, name: 'Main warehouse', ...overrides });
}

/** Receives `quantity` units of a variant into a warehouse (a 'purchase' movement). */
export async function stock(variantId: string, warehouseId: string, quantity: number): Promise<void> {
  await sql(`insert into public.stock_movements (variant_id, warehouse_id, quantity, reason, note) values ($1, $2, $3, 'purchase', 'test stock')`, [
    variantId,
    warehouseId,
    quantity,
  ]);
}

/** A variant (of a new product, at 10.00 EUR unless overrides say otherwise), with `inStock` units in the warehouse. */
export async function makeStockedVariant(world: World, warehouseId: string, inStock = 100, overrides: Row = {}): Promise<Row> {
  const product = await makeProduct(world);
  const variant = await makeVariant(world, product.id, overrides);
  if (inStock > 0) await stock(variant.id, warehouseId, inStock);
  return variant;
}

/** An order of a shop: a draft unless overrides give a status (pending orders need a warehouse_id). */
export function makeOrder(world: World, shopId: string, overrides: Row = {}): Promise<Row> {
  return insertRow('orders', { shop_id: shopId, channel: 'phone', status: 'draft', ...overrides });
}

/** An item of an order (stock is taken if the order is placed). Returns the item. */
export function makeOrderItem(orderId: string, variantId: string, quantity = 1, overrides: Row = {}): Promise<Row> {
  return insertRow('order_items', { order_id: orderId, variant_id: variantId, quantity, ...overrides });
}

/** A pending order of a shop with one item of each variant, stock taken from the warehouse. */
export async function makePlacedOrder(world: World, shopId: string, warehouseId: string, lines: Array<{ variantId: string; quantity?: number }>, overrides: Row = {}): Promise<Row> {
  const order = await makeOrder(world, shopId, { status: 'pending', warehouse_id: warehouseId, ...overrides });
  for (const line of lines) await makeOrderItem(order.id, line.variantId, line.quantity ?? 1);
  const [fresh] = await sql(`select * from public.orders where id = $1`, [order.id]);
  return fresh;
}

export async function orderOf(id: string): Promise<Row> {
  const [row] = await sql(`select * from public.orders where id = $1`, [id]);
  return row;
}
