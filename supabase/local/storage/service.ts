// Storage at /storage/v1, speaking storage-api's HTTP: buckets, objects, signed URLs and image
// transformation. Access is decided by Postgres RLS on storage.buckets / storage.objects, each
// request's SQL running as the caller's role; bytes live on local disk under `storageDir`.
import type { SupabaseConfig } from '../config.ts';
import { LOCAL_ANON_KEY } from '../config.ts';
import { sendJson, type Handler } from '../http.ts';
import { Tokens } from './auth.ts';
import type { Route, StorageContext } from './context.ts';
import { StorageDb } from './db.ts';
import { Disk } from './disk.ts';
import { sendError } from './errors.ts';
import { mustBeValidBucketName } from './keys.ts';
import { sql } from './sql.ts';
import { bucketRoutes } from './routes/buckets.ts';
import { listV2Routes } from './routes/list-v2.ts';
import { manageRoutes } from './routes/manage.ts';
import { listRoutes, readRoutes } from './routes/read.ts';
import { renderRoutes } from './routes/render.ts';
import { signedReadRoutes, signingRoutes } from './routes/sign.ts';
import { signedUploadRoutes, uploadRoutes } from './routes/upload.ts';

export interface StorageServiceOptions {
  /** Logs in as `authenticator` and switches to the caller's role, so storage.objects RLS applies. */
  connectionString: string;
  /** Superuser connection. */
  adminConnectionString: string;
  config: SupabaseConfig;
  jwtSecret: string;
  /** Where object bytes live (git-ignored). */
  storageDir: string;
  apiUrl: string;
  log: (line: string) => void;
  /** The key whose claims a request without an Authorization header runs with (default: the local anon key). */
  anonKey?: string;
}

export interface StorageService {
  handler: Handler;
  /** Public object URLs and signed URLs work without an apikey. */
  isOpen: (path: string) => boolean;
  close(): Promise<void>;
}

/** Order matters: fixed words (list, move, sign, public…) before the `<bucket>/<key>` catch-alls. */
const ROUTES: Route[] = [
  ...bucketRoutes,
  ...signingRoutes,
  ...signedUploadRoutes,
  ...listRoutes,
  ...listV2Routes,
  ...manageRoutes,
  ...signedReadRoutes,
  ...renderRoutes,
  ...readRoutes,
  ...uploadRoutes,
];

const OPEN_PATHS = [/^\/object\/public\//, /^\/render\/image\/public\//, /^\/object\/sign\//, /^\/render\/image\/sign\//, /^\/object\/upload\/sign\//];

export async function createStorageService(options: StorageServiceOptions): Promise<StorageService> {
  const disk = new Disk(options.storageDir);
  await disk.init();
  const db = new StorageDb(options.connectionString, options.adminConnectionString);
  const ctx: StorageContext = {
    db,
    disk,
    tokens: new Tokens(options.jwtSecret, options.anonKey ?? LOCAL_ANON_KEY),
    config: options.config,
    fileSizeLimit: options.config.storage.file_size_limit,
    log: options.log,
  };

  for (const [id, bucket] of Object.entries(options.config.storage.buckets)) {
    mustBeValidBucketName(id);
    await db.asSuperUser(sql.seedBucket({
      id, public: bucket.public, fileSizeLimit: bucket.file_size_limit, allowedMimeTypes: bucket.allowed_mime_types ?? null,
    }));
  }

  const handler: Handler = async (req, res, path, url) => {
    const method = req.method ?? 'GET';
    if (!options.config.storage.enabled) {
      sendJson(res, 404, { message: 'no Route matched with those values' });
      return;
    }
    for (const route of ROUTES) {
      if (!route.methods.includes(method)) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      try {
        await route.handler(ctx, { req, res, method, path, url, params: match.slice(1) });
      } catch (error) {
        if (!req.readableEnded) req.resume();
        sendError(res, error, options.log);
      }
      return;
    }
    req.resume();
    sendJson(res, 404, { statusCode: '404', error: 'Not Found', message: `Route ${method}:${path} not found` });
  };

  return {
    handler,
    isOpen: (path) => OPEN_PATHS.some((p) => p.test(path)),
    close: () => db.close(),
  };
}
