// What the supplier, inventory and supplier-order invariant tests share: a REST client per persona
// and exact-refusal assertions.
import assert from 'node:assert/strict';
import { anonClient, sql } from '../../helpers/env.ts';
import type { SignedInPersona, World } from '../world.ts';

export const as = (world: World, persona: SignedInPersona) => anonClient(world.tokens[persona]);

interface Reply {
  status: number;
  error: { code: string; message: string; hint?: string | null } | null;
}

/** The request was refused with this status, SQLSTATE and message (and hint, when given). */
export function assertRefused(reply: Reply, status: number, code: string, message: string, hint?: string): void {
  assert.equal(reply.status, status, JSON.stringify(reply.error));
  assert.equal(reply.error?.code, code, JSON.stringify(reply.error));
  assert.equal(reply.error?.message, message);
  if (hint !== undefined) assert.equal(reply.error?.hint, hint);
}

/** A business rule refused the request (P0001, HTTP 400) with this message. */
export const assertRuleRefused = (reply: Reply, message: string, hint?: string) => assertRefused(reply, 400, 'P0001', message, hint);

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
