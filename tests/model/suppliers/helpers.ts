// What the supplier, inventory and supplier-order invariant tests share beyond ../refusals.ts:
// stored rows and ledger entries.
import assert from 'node:assert/strict';
import { sql } from '../../helpers/env.ts';
import type { Reply } from '../refusals.ts';

export { as, assertRefused, assertRuleRefused } from '../refusals.ts';

export function assertOk(reply: Reply, status = 204): void {
  assert.equal(reply.status, status, JSON.stringify(reply.error));
}

/** One stored row, as the owner. */
export async function stored(table: string, id: string | number): Promise<Record<string, any>> {
  return (await sql(`select * from public.${table} where id = $1`, [id]))[0];
}

/** The movements of a variant in a warehouse, oldest first, as [reason, quantity] pairs. */
export async function movementsOf(variantId: string, warehouseId: string): Promise<Array<[string, number]>> {
  const rows = await sql(`select reason, quantity from public.stock_movements where variant_id = $1 and warehouse_id = $2 order by id`, [variantId, warehouseId]);
  return rows.map((r) => [r.reason, r.quantity]);
}
