// Inventory rows for any domain's tests, inserted as the database owner (no RLS, triggers on, so
// every movement reaches stock_levels) and returned as Postgres has them.
import { sql } from '../../helpers/env.ts';
import { insertRow, type World } from '../world.ts';

/** A row as Postgres returned it. */
export type Made = Record<string, any> & { id: string };

let counter = 0;

/** One of our own warehouses unless overrides say otherwise. */
export function makeWarehouse(world: World, overrides: Record<string, unknown> = {}): Promise<Made> {
  const code = `wh-${world.tag}-${++counter}`;
  return insertRow<Made>('warehouses', { code, name: `Warehouse ${code}`, ...overrides });
}

/** Stock arriving in a warehouse: a 'purchase' movement, as the owner. */
export function receiveStock(variantId: string, warehouseId: string, quantity: number): Promise<Made> {
  return insertRow<Made>('stock_movements', { variant_id: variantId, warehouse_id: warehouseId, quantity, reason: 'purchase' });
}

/** The level of a variant in a warehouse (0 when there is none yet). */
export async function stockLevel(variantId: string, warehouseId: string): Promise<number> {
  const rows = await sql(`select quantity from public.stock_levels where variant_id = $1 and warehouse_id = $2`, [variantId, warehouseId]);
  return rows[0]?.quantity ?? 0;
}

/** The sum of the ledger for a variant in a warehouse. */
export async function ledgerSum(variantId: string, warehouseId: string): Promise<number> {
  const [{ total }] = await sql(`select coalesce(sum(quantity), 0)::int as total from public.stock_movements where variant_id = $1 and warehouse_id = $2`, [
    variantId,
    warehouseId,
  ]);
  return total;
}
