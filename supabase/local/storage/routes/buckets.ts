// /bucket: list, get, create, update, empty and delete buckets, as the caller (RLS on storage.buckets).
import { sendJson } from '../../http.ts';
import { readJson } from '../body.ts';
import type { Route, StorageContext, StorageRequest } from '../context.ts';
import { ERRORS } from '../errors.ts';
import { mustBeValidBucketName, parseBucketSizeLimit, parseMimeTypes } from '../keys.ts';
import { sql, type BucketRow } from '../sql.ts';

const SORT_COLUMNS = new Set(['id', 'name', 'created_at', 'updated_at']);

/** storage-api's bucketSchema: these fields, in this order; a null owner serialises as "". */
function renderBucket(b: BucketRow) {
  return {
    id: b.id,
    name: b.name,
    owner: b.owner ?? '',
    public: b.public,
    file_size_limit: b.file_size_limit === null ? null : Number(b.file_size_limit),
    allowed_mime_types: b.allowed_mime_types,
    created_at: b.created_at,
    updated_at: b.updated_at,
  };
}

async function listBuckets(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const q = r.url.searchParams;
  const int = (name: string) => {
    const value = q.get(name);
    if (value === null) return undefined;
    if (!/^\d+$/.test(value)) throw ERRORS.invalidParameter(name);
    return Number(value);
  };
  const column = q.get('sortColumn') ?? 'name';
  const order = (q.get('sortOrder') ?? 'asc').toLowerCase();
  if (!SORT_COLUMNS.has(column)) throw ERRORS.invalidParameter('sortColumn');
  if (order !== 'asc' && order !== 'desc') throw ERRORS.invalidParameter('sortOrder');
  const rows = await ctx.db.asCaller(caller, r, (tx) =>
    tx.query<BucketRow>(sql.listBuckets({ limit: int('limit'), offset: int('offset'), search: q.get('search') ?? undefined, column, order })),
  );
  sendJson(r.res, 200, rows.map(renderBucket));
}

async function getBucket(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const id = decodeURIComponent(r.params[0]);
  const [row] = await ctx.db.asCaller(caller, r, (tx) => tx.query<BucketRow>(sql.findBucket(id)));
  if (!row) throw ERRORS.noSuchBucket();
  sendJson(r.res, 200, renderBucket(row));
}

async function createBucket(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const body = await readJson(r.req);
  if (body.name === undefined) throw ERRORS.invalidParameter('name', "body must have required property 'name'");
  const id = body.id ?? body.name;
  mustBeValidBucketName(id);
  mustBeValidBucketName(body.name);
  if (body.type !== undefined && body.type !== 'STANDARD') throw ERRORS.notSupported(`bucket type ${body.type}`);
  const fileSizeLimit = parseBucketSizeLimit(body.file_size_limit);
  await ctx.db.asCaller(caller, r, (tx) =>
    tx.query(sql.createBucket({
      id,
      name: body.name,
      owner: caller.owner,
      ownerId: caller.ownerId,
      public: body.public === true,
      fileSizeLimit,
      allowedMimeTypes: parseMimeTypes(body.allowed_mime_types),
    })),
  );
  sendJson(r.res, 200, { name: body.name });
}

async function updateBucket(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const id = decodeURIComponent(r.params[0]);
  const body = await readJson(r.req);
  const set = {
    public: typeof body.public === 'boolean' ? body.public : undefined,
    fileSizeLimit: body.file_size_limit === undefined ? undefined : parseBucketSizeLimit(body.file_size_limit),
    allowedMimeTypes: body.allowed_mime_types === undefined ? undefined : parseMimeTypes(body.allowed_mime_types),
  };
  const rows = await ctx.db.asCaller(caller, r, (tx) => tx.query(sql.updateBucket(id, set)));
  if (rows.length === 0) throw ERRORS.noSuchBucket();
  sendJson(r.res, 200, { message: 'Successfully updated' });
}

async function emptyBucket(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const id = decodeURIComponent(r.params[0]);
  const removed = await ctx.db.asCaller(caller, r, async (tx) => {
    const [bucket] = await tx.query(sql.findBucket(id));
    if (!bucket) throw ERRORS.noSuchBucket();
    return tx.query<{ name: string; version: string }>(sql.deleteAllObjects(id));
  });
  for (const o of removed) await ctx.disk.prune(id, o.name).catch(() => {});
  sendJson(r.res, 200, { message: 'Successfully emptied' });
}

async function deleteBucket(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const id = decodeURIComponent(r.params[0]);
  await ctx.db.asCaller(caller, r, async (tx) => {
    const [bucket] = await tx.query(sql.findBucket(id));
    if (!bucket) throw ERRORS.noSuchBucket();
    const [{ count }] = await ctx.db.asSuperUser<{ count: number }>(sql.countObjects(id));
    if (count > 0) throw ERRORS.bucketNotEmpty();
    const deleted = await tx.query(sql.deleteBucket(id));
    if (deleted.length === 0) throw ERRORS.noSuchBucket();
  });
  await ctx.disk.removeBucket(id);
  sendJson(r.res, 200, { message: 'Successfully deleted' });
}

export const bucketRoutes: Route[] = [
  { methods: ['GET'], pattern: /^\/bucket\/?$/, handler: listBuckets },
  { methods: ['POST'], pattern: /^\/bucket\/?$/, handler: createBucket },
  { methods: ['POST'], pattern: /^\/bucket\/([^/]+)\/empty\/?$/, handler: emptyBucket },
  { methods: ['GET'], pattern: /^\/bucket\/([^/]+)\/?$/, handler: getBucket },
  { methods: ['PUT'], pattern: /^\/bucket\/([^/]+)\/?$/, handler: updateBucket },
  { methods: ['DELETE'], pattern: /^\/bucket\/([^/]+)\/?$/, handler: deleteBucket },
];
