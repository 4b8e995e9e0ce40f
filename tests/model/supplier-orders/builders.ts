// Supplier orders for any domain's tests, inserted as the database owner (no RLS, triggers on) and
// returned as Postgres has them after their triggers (number, total).
import { sql } from '../../helpers/env.ts';
import { insertRow } from '../world.ts';

/** A row as Postgres returned it. */
export type Made = Record<string, any> & { id: string };


/** A draft restock order of a supplier into a warehouse, unless overrides say otherwise. */
export function makeSupplierOrder(supplierId: string, warehouseId: string | null, overrides: Record<string, unknown> = {}): Promise<Made> {
  return insertRow<Made>('supplier_orders', { supplier_id: supplierId, kind: 'restock', warehouse_id: warehouseId, ...overrides });
}

/** A dropship order of a supplier for a shop (draft unless overrides say otherwise). */
export function makeDropshipOrder(supplierId: string, shopId: string, overrides: Record<string, unknown> = {}): Promise<Made> {
  return insertRow<Made>('supplier_orders', { supplier_id: supplierId, kind: 'dropship', shop_id: shopId, ...overrides });
}

/** A line of a supplier order (variant and unit cost come from the supplier product). */
export function makeSupplierOrderItem(supplierOrderId: string, supplierProductId: string, quantity: number, overrides: Record<string, unknown> = {}): Promise<Made> {
  return insertRow<Made>('supplier_order_items', { supplier_order_id: supplierOrderId, supplier_product_id: supplierProductId, quantity, ...overrides });
}

/** Moves a supplier order to a status as the owner (along the workflow's steps). */
export async function setSupplierOrderStatus(id: string, ...statuses: string[]): Promise<Made> {
  let row = {} as Made;
  for (const status of statuses) [row] = await sql(`update public.supplier_orders set status = $2 where id = $1 returning *`, [id, status]);
  return row;
}
