// Reading objects: GET/HEAD /object/[authenticated/]<bucket>/<key> as the caller (an object RLS
// hides is "Object not found"), /object/public/<bucket>/<key> for public buckets without any auth,
// /object/info/... for the object's description, and POST /object/list/<bucket>.
import { sendJson } from '../../http.ts';
import { readJson } from '../body.ts';
import type { Route, StorageContext, StorageRequest } from '../context.ts';
import { ERRORS } from '../errors.ts';
import { mustBeValidKey, splitBucketPath } from '../keys.ts';
import { sendObject } from '../respond.ts';
import { sql, type BucketRow, type ObjectRow } from '../sql.ts';

/** The object as the caller may see it. */
export async function findAsCaller(ctx: StorageContext, r: StorageRequest, rest: string): Promise<ObjectRow> {
  const caller = await ctx.tokens.caller(r.req);
  const { bucket, key } = splitBucketPath(rest);
  mustBeValidKey(key);
  const [object] = await ctx.db.asCaller(caller, r, async (tx) => {
    const [b] = await ctx.db.asSuperUser(sql.findBucket(bucket));
    if (!b) throw ERRORS.noSuchBucket();
    return tx.query<ObjectRow>(sql.findObject(bucket, key));
  });
  if (!object) throw ERRORS.noSuchKey();
  return object;
}

/** The object of a public bucket, read as storage-api's superuser. */
export async function findPublic(ctx: StorageContext, rest: string): Promise<ObjectRow> {
  const { bucket, key } = splitBucketPath(rest);
  mustBeValidKey(key);
  const [b] = await ctx.db.asSuperUser<BucketRow>(sql.findBucket(bucket));
  if (!b || !b.public) throw ERRORS.noSuchBucket();
  const [object] = await ctx.db.asSuperUser<ObjectRow>(sql.findObject(bucket, key));
  if (!object) throw ERRORS.noSuchKey();
  return object;
}

const download = (r: StorageRequest) => r.url.searchParams.get('download');

async function getAuthenticated(ctx: StorageContext, r: StorageRequest) {
  const object = await findAsCaller(ctx, r, r.params[0]);
  await sendObject(ctx, r.req, r.res, object, { download: download(r) });
}

async function getPublic(ctx: StorageContext, r: StorageRequest) {
  const object = await findPublic(ctx, r.params[0]);
  await sendObject(ctx, r.req, r.res, object, { download: download(r) });
}

export function describe(o: ObjectRow) {
  return {
    id: o.id,
    name: o.name,
    version: o.version,
    bucket_id: o.bucket_id,
    size: o.metadata?.size ?? null,
    content_type: o.metadata?.mimetype ?? null,
    cache_control: o.metadata?.cacheControl ?? null,
    etag: o.metadata?.eTag ?? null,
    metadata: o.user_metadata,
    last_modified: o.updated_at,
    created_at: o.created_at,
  };
}

async function info(ctx: StorageContext, r: StorageRequest, object: ObjectRow) {
  const headers: Record<string, string> = {};
  if (object.metadata?.eTag) headers.etag = object.metadata.eTag;
  if (object.metadata?.cacheControl) headers['cache-control'] = object.metadata.cacheControl;
  headers['last-modified'] = new Date(object.metadata?.lastModified ?? object.updated_at).toUTCString();
  sendJson(r.res, 200, describe(object), headers);
}

async function list(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const bucket = decodeURIComponent(r.params[0]);
  const body = await readJson(r.req);
  let prefix = typeof body.prefix === 'string' ? body.prefix : '';
  if (prefix.length > 0 && !prefix.endsWith('/')) prefix = `${prefix}/`;
  const limit = body.limit === undefined ? 100 : Number(body.limit);
  const offset = body.offset === undefined ? 0 : Number(body.offset);
  if (!Number.isInteger(limit) || limit < 1) throw ERRORS.invalidParameter('limit');
  if (!Number.isInteger(offset) || offset < 0) throw ERRORS.invalidParameter('offset');
  const column = typeof body.sortBy?.column === 'string' ? body.sortBy.column : 'name';
  const order = typeof body.sortBy?.order === 'string' ? body.sortBy.order : 'asc';
  const rows = await ctx.db.asCaller(caller, r, (tx) =>
    tx.query(sql.search({
      bucket, prefix, limit, offset, column, order,
      levels: prefix.split('/').length,
      search: typeof body.search === 'string' ? body.search : '',
    })),
  );
  sendJson(r.res, 200, rows);
}

export const listRoutes: Route[] = [{ methods: ['POST'], pattern: /^\/object\/list\/([^/]+)\/?$/, handler: list }];

/** The last one is a catch-all on /object/<bucket>/<key>. */
export const readRoutes: Route[] = [
  { methods: ['GET', 'HEAD'], pattern: /^\/object\/public\/(.+)$/, handler: getPublic },
  { methods: ['GET'], pattern: /^\/object\/info\/public\/(.+)$/, handler: async (c, r) => info(c, r, await findPublic(c, r.params[0])) },
  { methods: ['GET'], pattern: /^\/object\/info\/(?:authenticated\/)?(.+)$/, handler: async (c, r) => info(c, r, await findAsCaller(c, r, r.params[0])) },
  { methods: ['GET', 'HEAD'], pattern: /^\/object\/authenticated\/(.+)$/, handler: getAuthenticated },
  { methods: ['GET', 'HEAD'], pattern: /^\/object\/(?!sign\/|upload\/sign\/)(.+)$/, handler: getAuthenticated },
];
