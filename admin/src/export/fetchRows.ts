// Every row a list's filters match, page after page, through supabase-js as the signed-in user (so
// row-level security decides, as in the list). Filters go through @refinedev/supabase's own
// generateFilter, the function its dataProvider.getList uses: the export matches exactly what the
// list shows. The order is the list's sorters then the primary key, so offset pages never overlap
// nor skip a row. Runs in the export worker, and under node in tests.
import type { CrudFilter, CrudSort } from '@refinedev/core';
import { generateFilter } from '@refinedev/supabase';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Row } from './format.ts';
import { activeFilters } from './activeFilters.ts';

/** Hosted Supabase and the local stack answer at most `max_rows` (1000 by default) per request. */
export const DEFAULT_PAGE_SIZE = 1000;
/** A few requests in flight hide the round trips without crowding the API. */
export const DEFAULT_CONCURRENCY = 3;

export interface RowsRequest {
  resource: string;
  /** PostgREST select: the exported columns (see columns.ts selectFor). */
  select: string;
  filters: CrudFilter[];
  sorters: CrudSort[];
  /** The primary key, the tiebreak that makes the order total; null for views without one. */
  primaryKey: string | null;
  pageSize?: number;
  concurrency?: number;
}

export interface Progress {
  fetched: number;
  /** Rows the filters matched when the export began (grows if rows arrive meanwhile). */
  total: number;
}

export class ExportFetchError extends Error {
  constructor(readonly code: string | undefined, message: string, readonly hint?: string | null) {
    super(message);
  }
}

/** The list's sorters, then the primary key (or, without one, every selected column) ascending. */
export function stableOrder(sorters: CrudSort[], primaryKey: string | null, select: string): CrudSort[] {
  const order = sorters.filter((sorter) => sorter.field && !sorter.field.includes('.'));
  const tiebreak = primaryKey ? [primaryKey] : select.split(',');
  for (const field of tiebreak) if (!order.some((sorter) => sorter.field === field)) order.push({ field, order: 'asc' });
  return order;
}

async function fetchPage(client: SupabaseClient<any, any, any>, request: RowsRequest, order: CrudSort[], offset: number, size: number,
  count: 'exact' | undefined, signal?: AbortSignal): Promise<{ rows: Row[]; count: number | null }> {
  const query = client.from(request.resource).select(request.select, count ? { count } : undefined);
  for (const sorter of order) query.order(sorter.field, { ascending: sorter.order === 'asc' });
  for (const filter of activeFilters(request.filters)) generateFilter(filter, query);
  query.range(offset, offset + size - 1);
  if (signal) query.abortSignal(signal);
  const { data, error, count: total } = await query;
  if (error) throw new ExportFetchError(error.code, error.message, error.hint);
  return { rows: (data ?? []) as unknown as Row[], count: total ?? null };
}

/**
 * Calls `onPage` with each page in order until the filters match no more rows; returns the count.
 * The first page asks for the exact count (the progress bar's total); later pages ask for none.
 */
export async function fetchAllRows(client: SupabaseClient<any, any, any>, request: RowsRequest,
  onPage: (rows: Row[], progress: Progress) => void | Promise<void>, signal?: AbortSignal): Promise<number> {
  const order = stableOrder(request.sorters, request.primaryKey, request.select);
  const concurrency = Math.max(1, request.concurrency ?? DEFAULT_CONCURRENCY);
  let size = request.pageSize ?? DEFAULT_PAGE_SIZE;

  const first = await fetchPage(client, request, order, 0, size, 'exact', signal);
  const total = first.count;
  // A server capping pages below what we asked (a lower max_rows) sets the page size from here on.
  if (first.rows.length > 0 && first.rows.length < size && total !== null && total > first.rows.length) size = first.rows.length;
  let fetched = first.rows.length;
  await onPage(first.rows, { fetched, total: Math.max(total ?? 0, fetched) });
  if (first.rows.length < size) return fetched;

  const expectedPages = total === null ? 1 : Math.ceil(total / size);
  const inFlight = new Map<number, Promise<{ rows: Row[] }>>();
  let next = 1;
  let delivered = 1;
  try {
    for (;;) {
      // Past the expected pages (rows added meanwhile, or no count), one page at a time until a short one.
      const limit = Math.max(expectedPages, delivered + 1);
      while (inFlight.size < concurrency && next < limit) {
        inFlight.set(next, fetchPage(client, request, order, next * size, size, undefined, signal));
        next++;
      }
      const { rows } = await inFlight.get(delivered)!;
      inFlight.delete(delivered);
      delivered++;
      fetched += rows.length;
      await onPage(rows, { fetched, total: Math.max(total ?? 0, fetched) });
      if (rows.length < size) return fetched;
    }
  } finally {
    // Pages asked for beyond the end (rows deleted meanwhile) are not waited for; their errors are moot.
    for (const pending of inFlight.values()) pending.catch(() => undefined);
  }
}
