// Changing objects: POST /object/move, POST /object/copy, DELETE /object/<bucket>/<key> and
// DELETE /object/<bucket> { prefixes }. All run as the caller: move needs select + update, copy needs
// select on the source and insert at the destination, removal needs select + delete.
import { randomUUID } from 'node:crypto';
import { sendJson } from '../../http.ts';
import { readJson } from '../body.ts';
import type { Route, StorageContext, StorageRequest } from '../context.ts';
import { ERRORS, ValidationError } from '../errors.ts';
import { mustBeValidKey, splitBucketPath } from '../keys.ts';
import { sql, type ObjectRow } from '../sql.ts';

interface Transfer {
  bucket: string;
  sourceKey: string;
  destinationBucket: string;
  destinationKey: string;
}

function transferOf(body: Record<string, any>): Transfer {
  for (const name of ['bucketId', 'sourceKey', 'destinationKey']) {
    if (typeof body[name] !== 'string') throw new ValidationError(`body must have required property '${name}'`);
  }
  mustBeValidKey(body.sourceKey);
  mustBeValidKey(body.destinationKey);
  const destinationBucket = typeof body.destinationBucket === 'string' && body.destinationBucket ? body.destinationBucket : body.bucketId;
  return { bucket: body.bucketId, sourceKey: body.sourceKey, destinationBucket, destinationKey: body.destinationKey };
}

async function destinationMustExist(ctx: StorageContext, bucket: string) {
  const [b] = await ctx.db.asSuperUser(sql.findBucket(bucket));
  if (!b) throw ERRORS.noSuchBucket();
}

async function move(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const t = transferOf(await readJson(r.req));
  await destinationMustExist(ctx, t.destinationBucket);
  const version = randomUUID();
  let moved: { from: string; to: string } | undefined;
  try {
    await ctx.db.asCaller(caller, r, async (tx) => {
      const [source] = await tx.query<ObjectRow>(sql.findObject(t.bucket, t.sourceKey));
      if (!source) throw ERRORS.noSuchKey();
      const updated = await tx.query(sql.moveObject({
        bucket: t.bucket, name: t.sourceKey, toBucket: t.destinationBucket, toName: t.destinationKey,
        owner: caller.owner, ownerId: caller.ownerId, version,
      }));
      if (updated.length === 0) throw ERRORS.noSuchKey();
      const from = ctx.disk.pathOf(t.bucket, t.sourceKey, source.version);
      const to = ctx.disk.pathOf(t.destinationBucket, t.destinationKey, version);
      await ctx.disk.move(from, to);
      moved = { from, to };
    });
  } catch (error) {
    if (moved) await ctx.disk.move(moved.to, moved.from).catch(() => {});
    throw error;
  }
  await ctx.disk.prune(t.bucket, t.sourceKey);
  sendJson(r.res, 200, { message: 'Successfully moved' });
}

async function copy(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const body = await readJson(r.req);
  const t = transferOf(body);
  await destinationMustExist(ctx, t.destinationBucket);
  const upsert = r.req.headers['x-upsert'] === 'true';
  const version = randomUUID();
  const target = ctx.disk.pathOf(t.destinationBucket, t.destinationKey, version);
  let id: string;
  try {
    id = await ctx.db.asCaller(caller, r, async (tx) => {
      const [source] = await tx.query<ObjectRow>(sql.findObject(t.bucket, t.sourceKey));
      if (!source) throw ERRORS.noSuchKey();
      const copyMetadata = body.copyMetadata !== false;
      const row = {
        id: randomUUID(), bucket: t.destinationBucket, name: t.destinationKey, owner: caller.owner, ownerId: caller.ownerId,
        version, metadata: { ...source.metadata!, lastModified: new Date().toISOString() },
        userMetadata: copyMetadata ? source.user_metadata : null,
      };
      let objectId: string = row.id;
      if (upsert) objectId = (await tx.query<{ id: string }>(sql.upsertObject(row)))[0]?.id ?? row.id;
      else await tx.query(sql.insertObject(row));
      await ctx.disk.copy(ctx.disk.pathOf(t.bucket, t.sourceKey, source.version), target);
      return objectId;
    });
  } catch (error) {
    await ctx.disk.discard(target);
    throw error;
  }
  await ctx.disk.prune(t.destinationBucket, t.destinationKey, version);
  sendJson(r.res, 200, { Id: id, Key: `${t.destinationBucket}/${t.destinationKey}` });
}

async function removeObjects(ctx: StorageContext, r: StorageRequest, bucket: string, names: string[]) {
  const caller = await ctx.tokens.caller(r.req);
  const removed = await ctx.db.asCaller(caller, r, async (tx) => {
    const [b] = await ctx.db.asSuperUser(sql.findBucket(bucket));
    if (!b) throw ERRORS.noSuchBucket();
    return tx.query<ObjectRow>(sql.deleteObjects(bucket, names));
  });
  for (const o of removed) await ctx.disk.prune(bucket, o.name).catch(() => {});
  return removed;
}

async function removeOne(ctx: StorageContext, r: StorageRequest) {
  const { bucket, key } = splitBucketPath(r.params[0]);
  mustBeValidKey(key);
  const removed = await removeObjects(ctx, r, bucket, [key]);
  if (removed.length === 0) throw ERRORS.noSuchKey();
  sendJson(r.res, 200, { message: 'Successfully deleted' });
}

async function removeMany(ctx: StorageContext, r: StorageRequest) {
  const bucket = decodeURIComponent(r.params[0]);
  const body = await readJson(r.req);
  if (!Array.isArray(body.prefixes)) throw new ValidationError("body must have required property 'prefixes'");
  if (body.prefixes.length === 0) throw new ValidationError('body/prefixes must NOT have fewer than 1 items');
  if (body.prefixes.length > 1000) throw new ValidationError('body/prefixes must NOT have more than 1000 items');
  const names = body.prefixes.filter((p: unknown): p is string => typeof p === 'string');
  const removed = await removeObjects(ctx, r, bucket, names);
  sendJson(r.res, 200, removed.map(renderObject));
}

/** storage-api's objectSchema: these fields, in this order; null strings serialise as "". */
function renderObject(o: ObjectRow) {
  return {
    name: o.name,
    bucket_id: o.bucket_id,
    owner: o.owner ?? '',
    owner_id: o.owner_id ?? '',
    version: o.version ?? '',
    id: o.id,
    updated_at: o.updated_at,
    created_at: o.created_at,
    last_accessed_at: o.last_accessed_at,
    metadata: o.metadata,
    user_metadata: o.user_metadata,
  };
}

export const manageRoutes: Route[] = [
  { methods: ['POST'], pattern: /^\/object\/move\/?$/, handler: move },
  { methods: ['POST'], pattern: /^\/object\/copy\/?$/, handler: copy },
  { methods: ['DELETE'], pattern: /^\/object\/([^/]+)\/?$/, handler: removeMany },
  { methods: ['DELETE'], pattern: /^\/object\/([^/]+)\/(.+)$/, handler: (c, r) => removeOne(c, { ...r, params: [`${r.params[0]}/${r.params[1]}`] }) },
];
