// Writing an uploaded file: the row goes in as the caller (RLS decides), the staged bytes are
// renamed into place inside the same transaction, and nothing of a refused upload is kept.
import { randomUUID } from 'node:crypto';
import type { Caller } from './auth.ts';
import type { UploadFile } from './body.ts';
import type { StorageContext } from './context.ts';
import { ERRORS } from './errors.ts';
import { sql, type BucketRow, type ObjectMetadata } from './sql.ts';

export interface StoreTarget {
  caller: Caller;
  bucket: BucketRow;
  key: string;
  upsert: boolean;
  owner: string | null;
  ownerId: string | null;
}

export function metadataOf(file: UploadFile): ObjectMetadata {
  return {
    eTag: file.staged.eTag,
    size: file.staged.size,
    mimetype: file.mimeType,
    cacheControl: file.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: file.staged.size,
    httpStatusCode: 200,
  };
}

/** Stores an upload; returns the object's id. */
export async function storeUpload(
  ctx: StorageContext,
  request: { method: string; path: string },
  target: StoreTarget,
  file: UploadFile,
): Promise<string> {
  const version = randomUUID();
  const finalPath = ctx.disk.pathOf(target.bucket.id, target.key, version);
  const row = {
    id: randomUUID(),
    bucket: target.bucket.id,
    name: target.key,
    owner: target.owner,
    ownerId: target.ownerId,
    version,
    metadata: metadataOf(file),
    userMetadata: file.userMetadata,
  };
  let id: string;
  try {
    id = await ctx.db.asCaller(target.caller, request, async (tx) => {
      let objectId: string = row.id;
      if (target.upsert) {
        const [upserted] = await tx.query<{ id: string }>(sql.upsertObject(row));
        objectId = upserted?.id ?? row.id;
      } else {
        await tx.query(sql.insertObject(row));
      }
      await ctx.disk.commit(file.staged, finalPath);
      return objectId;
    });
  } catch (error) {
    await ctx.disk.discard(file.staged.path);
    await ctx.disk.discard(finalPath);
    throw error;
  }
  await ctx.disk.prune(target.bucket.id, target.key, version);
  return id;
}

/** The bucket an upload goes to, read as storage-api's superuser (its limits apply to everyone). */
export async function bucketForUpload(ctx: StorageContext, id: string): Promise<BucketRow> {
  const [bucket] = await ctx.db.asSuperUser<BucketRow>(sql.findBucket(id));
  if (!bucket) throw ERRORS.noSuchBucket();
  return bucket;
}

/** The smaller of the global limit and the bucket's own. */
export function uploadLimit(ctx: StorageContext, bucket: BucketRow): number {
  const own = bucket.file_size_limit === null ? null : Number(bucket.file_size_limit);
  return own !== null && own > 0 ? Math.min(own, ctx.fileSizeLimit) : ctx.fileSizeLimit;
}
