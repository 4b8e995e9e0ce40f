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
import { bucketRoutes } from './routes/buckets.ts';
import { manageRoutes } from './routes/manage.ts';
import { readRoutes } from './routes/read.ts';
import { renderRoutes } from './routes/render.ts';
import { signRoutes } from './routes/sign.ts';
import { uploadRoutes } from './routes/upload.ts';

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
  ...signRoutes.slice(0, 2),
  ...uploadRoutes.slice(0, 2),
  ...readRoutes.slice(0, 1),
  ...manageRoutes,
  ...signRoutes.slice(2),
  ...renderRoutes,
  ...readRoutes.slice(1),
  ...uploadRoutes.slice(2),
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
