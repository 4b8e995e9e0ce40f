// What the catalogue's invariant tests share: REST clients per persona, exact-refusal assertions,
// and a marketer limited to one shop.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { anonClient, signJwt, sql } from '../../helpers/env.ts';
import type { SignedInPersona, World } from '../world.ts';

export const as = (world: World, persona: SignedInPersona) => anonClient(world.tokens[persona]);

interface Reply {
  status: number;
  error: { code: string; message: string; hint?: string | null } | null;
}

/** The request was refused with this status, SQLSTATE and message (and hint, when given). */
export function assertRefused(reply: Reply, status: number, code: string, message: string, hint?: string): void {
  assert.equal(reply.status, status, JSON.stringify(reply.error));
  assert.equal(reply.error?.code, code);
  assert.equal(reply.error?.message, message);
  if (hint !== undefined) assert.equal(reply.error?.hint, hint);
}

/** A business rule refused the request (P0001, HTTP 400) with this message. */
export const assertRuleRefused = (reply: Reply, message: string) => assertRefused(reply, 400, 'P0001', message);

export async function countWhere(table: string, column: string, value: unknown): Promise<number> {
  const [{ count }] = await sql(`select count(*)::int as count from public.${table} where ${column} = $1`, [value]);
  return count;
}

/** A token for a new marketer of one shop only. */
export async function shopMarketerToken(shopId: string): Promise<string> {
  const id = randomUUID();
  await sql(`insert into auth.users (id, email) values ($1, $2)`, [id, `marketer-${id}@world.example.com`]);
  await sql(`insert into public.memberships (user_id, role, shop_id) values ($1, 'marketer', $2)`, [id, shopId]);
  return signJwt({ sub: id, role: 'authenticated', aud: 'authenticated' });
}
