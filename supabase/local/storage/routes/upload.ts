// Uploads: POST /object/<bucket>/<key> (x-upsert), PUT /object/<bucket>/<key> (update), and signed
// upload URLs: POST /object/upload/sign/<bucket>/<key> makes one, PUT .../upload/sign/...?token uses it.
import type { IncomingMessage } from 'node:http';
import { sendJson } from '../../http.ts';
import type { Caller } from '../auth.ts';
import { readUpload } from '../body.ts';
import type { Route, StorageContext, StorageRequest } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { mustBeValidKey, splitBucketPath } from '../keys.ts';
import { storeUpload, bucketForUpload, uploadLimit } from '../store.ts';
import { sql } from '../sql.ts';

/** storage-api's uploadSignedUrlExpirationTime default: two hours. */
const SIGNED_UPLOAD_EXPIRY_SECONDS = 7200;

/** Thrown to roll back a permission probe. */
const ROLLBACK = Symbol('rollback');

const isUpsert = (req: IncomingMessage) => req.headers['x-upsert'] === 'true';

async function upload(ctx: StorageContext, r: StorageRequest, upsert: boolean) {
  const caller = await ctx.tokens.caller(r.req);
  const { bucket: bucketId, key } = splitBucketPath(r.params[0]);
  const bucket = await bucketForUpload(ctx, bucketId);
  mustBeValidKey(key);
  const file = await readUpload(r.req, ctx.disk, { key, limit: uploadLimit(ctx, bucket), allowedMimeTypes: bucket.allowed_mime_types });
  const id = await storeUpload(ctx, r, { caller, bucket, key, upsert, owner: caller.owner, ownerId: caller.ownerId }, file);
  sendJson(r.res, 200, { Id: id, Key: `${bucketId}/${key}` });
}

async function createSignedUploadUrl(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const { bucket: bucketId, key } = splitBucketPath(r.params[0]);
  mustBeValidKey(key);
  await bucketForUpload(ctx, bucketId);
  const upsert = isUpsert(r.req);
  // storage-api's canUpload: the insert (or upsert) is tried as the caller and rolled back.
  await ctx.db
    .asCaller(caller, r, async (tx) => {
      const probe = {
        id: crypto.randomUUID(), bucket: bucketId, name: key, owner: caller.owner, ownerId: caller.ownerId, version: '1',
        metadata: null,
        userMetadata: null,
      };
      await tx.query(upsert ? sql.upsertObject(probe) : sql.insertObject(probe));
      throw ROLLBACK;
    })
    .catch((error) => {
      if (error !== ROLLBACK) throw error;
    });
  const url = `${bucketId}/${key}`;
  const token = await ctx.tokens.sign({ owner: caller.owner ?? undefined, url, upsert }, SIGNED_UPLOAD_EXPIRY_SECONDS);
  sendJson(r.res, 200, { url: `/object/upload/sign/${url}?token=${token}`, token });
}

async function uploadToSignedUrl(ctx: StorageContext, r: StorageRequest) {
  const { bucket: bucketId, key } = splitBucketPath(r.params[0]);
  const token = r.url.searchParams.get('token');
  if (token === null) throw new ValidationError("querystring must have required property 'token'");
  const payload = await ctx.tokens.verifySigned(token, `${bucketId}/${key}`);
  mustBeValidKey(key);
  const bucket = await bucketForUpload(ctx, bucketId);
  const owner = typeof payload.owner === 'string' ? payload.owner : null;
  // storage-api uploads through a signed URL as its superuser, with the signer as owner.
  const service: Caller = { role: 'service_role', claims: { role: 'service_role' }, jwt: '', owner, ownerId: owner };
  const file = await readUpload(r.req, ctx.disk, { key, limit: uploadLimit(ctx, bucket), allowedMimeTypes: bucket.allowed_mime_types });
  const id = await storeUpload(ctx, r, { caller: service, bucket, key, upsert: payload.upsert === true, owner, ownerId: owner }, file);
  sendJson(r.res, 200, { Id: id, Key: `${bucketId}/${key}` });
}

export const signedUploadRoutes: Route[] = [
  { methods: ['POST'], pattern: /^\/object\/upload\/sign\/(.+)$/, handler: createSignedUploadUrl },
  { methods: ['PUT'], pattern: /^\/object\/upload\/sign\/(.+)$/, handler: uploadToSignedUrl },
];

/** Catch-alls on /object/<bucket>/<key>: they must come after every fixed-word route. */
export const uploadRoutes: Route[] = [
  { methods: ['POST'], pattern: /^\/object\/(?!list\/|list-v2\/|move$|copy$|sign\/|info\/|public\/|authenticated\/)(.+)$/, handler: (c, r) => upload(c, r, isUpsert(r.req)) },
  { methods: ['PUT'], pattern: /^\/object\/(?!info\/|public\/|authenticated\/|sign\/)(.+)$/, handler: (c, r) => upload(c, r, true) },
];
