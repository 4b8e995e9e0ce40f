// limit/offset, the Range header and db-max-rows → the page to read; then Content-Range and the
// status (200, 206, 416) once the page size and the total are known.
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from '../errors.ts';
import type { RangeParam } from '../query/types.ts';

export interface Page {
  offset: number;
  limit?: number;
}

function rangeError(details: string, headers: Record<string, string> = {}): ApiError {
  return new ApiError(416, 'PGRST103', 'Requested range not satisfiable', details, null, headers);
}

/** `Range: 0-9` (items) → {offset 0, limit 10}; undefined when absent or not an items range. */
export function parseRangeHeader(headers: IncomingHttpHeaders): Page | undefined {
  const header = headers.range;
  if (!header) return undefined;
  const unit = headers['range-unit'];
  if (unit && unit !== 'items') return undefined;
  const m = /^(?:items=)?\s*(\d+)-(\d*)\s*$/.exec(header);
  if (!m) return undefined;
  const lower = Number(m[1]);
  if (m[2] === '') return { offset: lower };
  const upper = Number(m[2]);
  if (lower > upper) throw rangeError('The lower boundary must be lower than or equal to the upper boundary in the Range header.');
  return { offset: lower, limit: upper - lower + 1 };
}

function intersect(a: Page, b: Page): Page {
  const offset = Math.max(a.offset, b.offset);
  const ends = [a, b].filter((p) => p.limit !== undefined).map((p) => p.offset + p.limit! - 1);
  if (ends.length === 0) return { offset };
  const end = Math.min(...ends);
  return { offset, limit: Math.max(0, end - offset + 1) };
}

export function pageFor(query: RangeParam | undefined, header: Page | undefined, maxRows: number | undefined): Page {
  let page: Page = query ? { offset: query.offset, limit: query.limit } : { offset: 0 };
  if (header) page = intersect(page, header);
  if (maxRows !== undefined) page = { offset: page.offset, limit: Math.min(page.limit ?? maxRows, maxRows) };
  return page;
}

export function contentRange(offset: number, pageTotal: number, total: number | null): string {
  const t = total === null ? '*' : String(total);
  return pageTotal > 0 ? `${offset}-${offset + pageTotal - 1}/${t}` : `*/${t}`;
}

/** 200, or 206 when a count shows the page is partial; 416 when the offset is past the end. */
export function rangeStatus(offset: number, pageTotal: number, total: number | null): number {
  if (total === null) return 200;
  if (offset > total) throw rangeError(`An offset of ${offset} was requested, but there are only ${total} rows.`, { 'content-range': `*/${total}` });
  return pageTotal < total ? 206 : 200;
}
