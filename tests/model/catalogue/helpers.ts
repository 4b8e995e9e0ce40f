// What the catalogue's invariant tests share beyond ../refusals.ts: counts, and a marketer limited
// to one shop.
import { randomUUID } from 'node:crypto';
import { signJwt, sql } from '../../helpers/env.ts';

export { as, assertRefused, assertRuleRefused } from '../refusals.ts';

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
