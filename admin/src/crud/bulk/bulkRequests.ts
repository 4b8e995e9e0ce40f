// Bulk edit and bulk delete as ONE request each (`id=in.(...)`): Postgres runs a statement in one
// transaction, so a refusal on any row (a check, a trigger, a policy) leaves every row as it was.
// Refine's updateMany / deleteMany in @refinedev/supabase send one request per id, which could
// apply half of a change; hence supabase-js directly.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { DbError } from '../errors.ts';

export type BulkResult = { ok: true; count: number } | { ok: false; error: DbError };

/**
 * Sets `column` to `value` on the rows whose key is in `ids`. `count` is how many rows the database
 * changed: fewer than asked means row-level security hid some of them from this user.
 */
export async function bulkUpdate(
  client: SupabaseClient, resource: string, key: string, ids: Array<string | number>, column: string, value: unknown,
): Promise<BulkResult> {
  if (ids.length === 0) return { ok: true, count: 0 };
  const { error, count } = await client.from(resource).update({ [column]: value }, { count: 'exact' }).in(key, ids);
  return error ? { ok: false, error } : { ok: true, count: count ?? 0 };
}

export async function bulkDelete(client: SupabaseClient, resource: string, key: string, ids: Array<string | number>): Promise<BulkResult> {
  if (ids.length === 0) return { ok: true, count: 0 };
  const { error, count } = await client.from(resource).delete({ count: 'exact' }).in(key, ids);
  return error ? { ok: false, error } : { ok: true, count: count ?? 0 };
}
