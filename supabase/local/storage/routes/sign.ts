// Signed URLs: POST /object/sign/<bucket>/<key> signs one object the caller can read,
// POST /object/sign/<bucket> signs several, GET /object/sign/<bucket>/<key>?token=… serves it until
// the token (a JWT signed with the project's secret, `{ url, exp }`) expires.
import { sendJson } from '../../http.ts';
import { readJson } from '../body.ts';
import type { Route, StorageContext, StorageRequest } from '../context.ts';
import { ERRORS, ValidationError } from '../errors.ts';
import { mustBeValidKey, splitBucketPath } from '../keys.ts';
import { sendObject } from '../respond.ts';
import { sql, type ObjectRow } from '../sql.ts';
import { transformationsOf, parseTransform } from '../transform.ts';
import { findAsCaller } from './read.ts';

function expiresInOf(body: Record<string, any>): number {
  if (body.expiresIn === undefined) throw new ValidationError("body must have required property 'expiresIn'");
  const value = Number(body.expiresIn);
  if (!Number.isInteger(value)) throw new ValidationError('body/expiresIn must be integer');
  if (value < 1) throw new ValidationError('body/expiresIn must be >= 1');
  return value;
}

async function signOne(ctx: StorageContext, r: StorageRequest) {
  const body = await readJson(r.req);
  const expiresIn = expiresInOf(body);
  const object = await findAsCaller(ctx, r, r.params[0]);
  const url = `${object.bucket_id}/${object.name}`;
  const transform = body.transform && typeof body.transform === 'object' ? parseTransform(body.transform) : undefined;
  const transformations = transform ? transformationsOf(transform) : '';
  const token = await ctx.tokens.sign(transformations ? { url, transformations } : { url }, expiresIn);
  const base = transformations ? 'render/image' : 'object';
  sendJson(r.res, 200, { signedURL: `/${base}/sign/${url}?token=${token}` });
}

async function signMany(ctx: StorageContext, r: StorageRequest) {
  const caller = await ctx.tokens.caller(r.req);
  const bucket = decodeURIComponent(r.params[0]);
  const body = await readJson(r.req);
  const expiresIn = expiresInOf(body);
  if (!Array.isArray(body.paths) || body.paths.some((p: unknown) => typeof p !== 'string')) {
    throw new ValidationError("body must have required property 'paths'");
  }
  const paths = body.paths as string[];
  const found = await ctx.db.asCaller(caller, r, (tx) => tx.query<{ name: string }>(sql.findObjectNames(bucket, paths)));
  const names = new Set(found.map((o) => o.name));
  const result = await Promise.all(
    paths.map(async (path) => {
      if (!names.has(path)) {
        return { error: 'Either the object does not exist or you do not have access to it', path, signedURL: null };
      }
      const url = `${bucket}/${path}`;
      const token = await ctx.tokens.sign({ url }, expiresIn);
      return { error: null, path, signedURL: `/object/sign/${url}?token=${token}` };
    }),
  );
  sendJson(r.res, 200, result);
}

/** The object a signed URL names, once its token checks out; read as storage-api's superuser. */
export async function findSigned(ctx: StorageContext, r: StorageRequest): Promise<{ object: ObjectRow; exp: number; transformations?: string }> {
  const token = r.url.searchParams.get('token');
  if (token === null) throw new ValidationError("querystring must have required property 'token'");
  const { bucket, key } = splitBucketPath(r.params[0]);
  const payload = await ctx.tokens.verifySigned(token, `${bucket}/${key}`);
  mustBeValidKey(key);
  const [object] = await ctx.db.asSuperUser<ObjectRow>(sql.findObject(bucket, key));
  if (!object) throw ERRORS.noSuchKey();
  const transformations = typeof payload.transformations === 'string' ? payload.transformations : undefined;
  return { object, exp: Number(payload.exp), transformations };
}

async function getSigned(ctx: StorageContext, r: StorageRequest) {
  const { object, exp } = await findSigned(ctx, r);
  await sendObject(ctx, r.req, r.res, object, {
    download: r.url.searchParams.get('download'),
    expires: new Date(exp * 1000).toUTCString(),
  });
}

export const signingRoutes: Route[] = [
  { methods: ['POST'], pattern: /^\/object\/sign\/([^/]+)\/?$/, handler: signMany },
  { methods: ['POST'], pattern: /^\/object\/sign\/(.+)$/, handler: signOne },
];

export const signedReadRoutes: Route[] = [{ methods: ['GET', 'HEAD'], pattern: /^\/object\/sign\/(.+)$/, handler: getSigned }];
