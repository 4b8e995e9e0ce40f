// The board's reads and its one write, through supabase-js as the signed-in user: RLS decides which
// orders are seen, and the database's workflow trigger decides which moves are allowed. Each takes
// the client, so that tests run them as real users (tests/admin/board.test.ts).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Column as ColumnOf } from './columns.ts';
import { COLUMN_PAGE, LATE_AFTER_MS, type BoardStatus, type Transitions } from './statuses.ts';

export interface BoardOrder {
  id: string;
  number: string;
  status: string;
  shop_id: string;
  channel: string;
  total_cents: number;
  currency: string;
  placed_at: string | null;
  customers: { display_name: string } | null;
  shops: { name: string } | null;
}

export interface BoardFilters {
  shopIds: string[];
  channels: string[];
  /** Placed between these days (inclusive), as YYYY-MM-DD, or null for no bound. */
  from: string | null;
  to: string | null;
}

export type Column = ColumnOf<BoardOrder>;

const CARD = 'id, number, status, shop_id, channel, total_cents, currency, placed_at, customers!orders_customer_id_fkey(display_name), shops!orders_shop_id_fkey(name)';

// The query builder's type is deep; filters are applied the same way to every query of the board.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function filtered(query: any, filters: BoardFilters, withDates: boolean) {
  let q = query;
  if (filters.shopIds.length) q = q.in('shop_id', filters.shopIds);
  if (filters.channels.length) q = q.in('channel', filters.channels);
  if (withDates && filters.from) q = q.gte('placed_at', new Date(`${filters.from}T00:00:00`).toISOString());
  if (withDates && filters.to) q = q.lt('placed_at', new Date(new Date(`${filters.to}T00:00:00`).getTime() + 86_400_000).toISOString());
  return q;
}

export async function fetchColumn(client: SupabaseClient, status: BoardStatus, filters: BoardFilters): Promise<Column> {
  const reply = await filtered(client.from('orders').select(CARD, { count: 'exact' }).eq('status', status), filters, true)
    .order('placed_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(COLUMN_PAGE);
  if (reply.error) throw new Error(reply.error.message);
  return { rows: reply.data as BoardOrder[], total: reply.count ?? reply.data.length };
}

/** Orders pending for more than 24 hours, whatever their date (an old one is the most urgent). */
export async function countLate(client: SupabaseClient, filters: BoardFilters, now = Date.now()): Promise<number> {
  const reply = await filtered(client.from('orders').select('id', { count: 'exact', head: true }).eq('status', 'pending'), filters, false)
    .lt('placed_at', new Date(now - LATE_AFTER_MS).toISOString());
  if (reply.error) throw new Error(reply.error.message);
  return reply.count ?? 0;
}

export async function fetchTransitions(client: SupabaseClient): Promise<Transitions> {
  const reply = await client.from('order_status_transitions').select('from_status, to_status');
  if (reply.error) throw new Error(reply.error.message);
  const map: Transitions = new Map();
  for (const step of reply.data as Array<{ from_status: string; to_status: string }>) {
    map.set(step.from_status, (map.get(step.from_status) ?? new Set()).add(step.to_status));
  }
  return map;
}

/** Moves an order to a status; the database's refusal message when it will not ('not found' when it is not the user's). */
export async function moveOrder(client: SupabaseClient, orderId: string, status: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const reply = await client.from('orders').update({ status }).eq('id', orderId).select('id, status').maybeSingle();
  if (reply.error) return { ok: false, message: reply.error.message };
  // No row updated: the order is not one the user works on (RLS hides it) or is gone.
  if (!reply.data) return { ok: false, message: 'not found' };
  return { ok: true };
}

export async function fetchShopOptions(client: SupabaseClient): Promise<Array<{ id: string; name: string }>> {
  const reply = await client.from('shops').select('id, name').order('name');
  if (reply.error) throw new Error(reply.error.message);
  return reply.data;
}
