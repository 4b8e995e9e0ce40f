// /render/image/{authenticated,public,sign}/<bucket>/<key>: the object transformed by sharp.
import { readFile } from 'node:fs/promises';
import type { Route, StorageContext, StorageRequest } from '../context.ts';
import { ERRORS } from '../errors.ts';
import { sendObject } from '../respond.ts';
import type { ObjectRow } from '../sql.ts';
import { fromTransformations, parseTransform, renderImage, type TransformOptions } from '../transform.ts';
import { findAsCaller, findPublic } from './read.ts';
import { findSigned } from './sign.ts';

async function render(ctx: StorageContext, r: StorageRequest, object: ObjectRow, t: TransformOptions, expires?: string) {
  if (!ctx.config.storage.image_transformation.enabled) throw ERRORS.notSupported('image transformation');
  const input = await readFile(ctx.disk.pathOf(object.bucket_id, object.name, object.version)).catch(() => {
    throw ERRORS.noSuchKey();
  });
  const body = await renderImage(input, t, r.req.headers.accept);
  await sendObject(ctx, r.req, r.res, object, { body, expires, download: r.url.searchParams.get('download') });
}

export const renderRoutes: Route[] = [
  {
    methods: ['GET', 'HEAD'],
    pattern: /^\/render\/image\/authenticated\/(.+)$/,
    handler: async (c, r) => {
      const t = parseTransform(r.url.searchParams);
      await render(c, r, await findAsCaller(c, r, r.params[0]), t);
    },
  },
  {
    methods: ['GET', 'HEAD'],
    pattern: /^\/render\/image\/public\/(.+)$/,
    handler: async (c, r) => {
      const t = parseTransform(r.url.searchParams);
      await render(c, r, await findPublic(c, r.params[0]), t);
    },
  },
  {
    methods: ['GET', 'HEAD'],
    pattern: /^\/render\/image\/sign\/(.+)$/,
    handler: async (c, r) => {
      const { object, exp, transformations } = await findSigned(c, r);
      await render(c, r, object, fromTransformations(transformations ?? ''), new Date(exp * 1000).toUTCString());
    },
  },
];
