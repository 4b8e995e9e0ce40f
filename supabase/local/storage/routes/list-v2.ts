// POST /object/list-v2/<bucket>: storage-js listV2(). Full keys, folders (with_delimiter) and
// objects in one ordered sequence, `limit` entries a page, an opaque `nextCursor` while more remain.
import { sendJson } from '../../http.ts';
import { readJson } from '../body.ts';
import type { Route, StorageContext, StorageRequest } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { sql } from '../sql.ts';

const COLUMNS = new Set(['name', 'updated_at', 'created_at']);

interface Entry {
  key: string;
  is_folder: boolean;
  id: string | null;
  updated_at: Date | null;
  created_at: Date | null;
  last_accessed_at: Date | null;
  metadata: Record<string, unknown> | null;
}

function offsetOf(cursor: unknown): number {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  try {
    const { o } = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8'));
    if (Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through
  }
  throw new ValidationError('body/cursor is not a cursor this API returned');
}

async function listV2(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const bucket = decodeURIComponent(r.params[0]);
  const body = await readJson(r.req);
  const limit = body.limit === undefined ? 1000 : Number(body.limit);
  if (!Number.isInteger(limit)) throw new ValidationError('body/limit must be integer');
  if (limit < 1) throw new ValidationError('body/limit must be >= 1');
  const column = body.sortBy?.column ?? 'name';
  const order = body.sortBy?.order ?? 'asc';
  if (!COLUMNS.has(column)) throw new ValidationError('body/sortBy/column must be equal to one of the allowed values');
  if (order !== 'asc' && order !== 'desc') throw new ValidationError('body/sortBy/order must be equal to one of the allowed values');
  const offset = offsetOf(body.cursor);
  const rows = await ctx.db.asCaller(caller, r, (tx) =>
    tx.query<Entry>(sql.listV2({
      bucket, prefix: typeof body.prefix === 'string' ? body.prefix : '', delimiter: body.with_delimiter === true,
      column: column === 'name' ? 'key collate "C"' : column, order, limit, offset,
    })),
  );
  const page = rows.slice(0, limit);
  const hasNext = rows.length > limit;
  sendJson(r.res, 200, {
    hasNext,
    folders: page.filter((e) => e.is_folder).map((e) => ({ name: e.key, key: e.key })),
    objects: page.filter((e) => !e.is_folder).map((e) => ({
      id: e.id, key: e.key, name: e.key, updated_at: e.updated_at, created_at: e.created_at,
      last_accessed_at: e.last_accessed_at, metadata: e.metadata,
    })),
    ...(hasNext ? { nextCursor: Buffer.from(JSON.stringify({ o: offset + limit })).toString('base64url') } : {}),
  });
}

export const listV2Routes: Route[] = [{ methods: ['POST'], pattern: /^\/object\/list-v2\/([^/]+)\/?$/, handler: listV2 }];
