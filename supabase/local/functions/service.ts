// Edge Functions at /functions/v1/<name>, as on Supabase: each `functions/<name>/index.ts` calls
// Deno.serve and runs in its own Deno process (worker.ts), started on the first request and
// replaced when its files change. The platform's part (which function, verify_jwt, errors,
// limits) happens here, in front of the worker.
import { existsSync, mkdtempSync, rmSync, watch, type FSWatcher } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, SUPABASE_DIR, type SupabaseConfig } from '../config.ts';
import type { Handler } from '../http.ts';
import { functionEnv, readSecrets } from './env.ts';
import { PlatformError, sendPlatformError } from './errors.ts';
import { proxyToWorker } from './proxy.ts';
import { FunctionRegistry, type FunctionRoot } from './registry.ts';
import { FunctionRuntime } from './runtime.ts';
import { createJwtCheck } from './verify-jwt.ts';
import type { WorkerLimits } from './worker.ts';

export interface FunctionsServiceOptions {
  config: SupabaseConfig;
  /** The project's functions/ folder: one sub-folder per function with index.ts. */
  functionsDir: string;
  /** More folders of functions (test fixtures), each with an optional config.toml holding
   *  `[functions.<name>]` sections; a name is looked up in functionsDir first. */
  extraFunctionDirs?: string[];
  /** Git-ignored env file with the functions' secrets (supabase/functions/.env style). */
  envFile: string;
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  dbUrl: string;
  jwtSecret: string;
  /** Platform limits; defaults are hosted Supabase's (paid plan wall clock). */
  limits?: Partial<WorkerLimits>;
  /** The Deno binary (default: the `deno` npm package's). */
  denoPath?: string;
  log: (line: string) => void;
}

export interface FunctionsService {
  handler: Handler;
  close(): Promise<void>;
}

export const DEFAULT_LIMITS: WorkerLimits = {
  requestIdleTimeoutMs: 150_000,
  wallClockLimitMs: 400_000,
  memoryLimitMb: 256,
  bootTimeoutMs: 60_000,
};

const ALLOWED_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const PREFIX = '/functions/v1';

export async function createFunctionsService(options: FunctionsServiceOptions): Promise<FunctionsService> {
  const { log } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const roots: FunctionRoot[] = [
    { dir: options.functionsDir, configDir: SUPABASE_DIR, config: options.config.functions },
    ...(options.extraFunctionDirs ?? []).map((dir) => ({ dir, configDir: dir, config: { file: join(dir, 'config.toml') } })),
  ];
  const registry = new FunctionRegistry(roots);
  const scratchDir = mkdtempSync(join(tmpdir(), 'comptoir-functions-'));
  const denoDir = process.env.DENO_DIR ?? join(homedir(), '.cache', 'deno');
  const runtime = new FunctionRuntime({
    denoPath: options.denoPath ?? findDeno(),
    cwd: PROJECT_ROOT,
    scratchDir,
    limits,
    log,
    watchedFiles: [options.envFile],
    env: () =>
      functionEnv(
        { SUPABASE_URL: options.apiUrl, SUPABASE_ANON_KEY: options.anonKey, SUPABASE_SERVICE_ROLE_KEY: options.serviceRoleKey, SUPABASE_DB_URL: options.dbUrl },
        readSecrets(options.envFile, log),
        denoDir,
      ),
  });
  const watchers = roots.map((root) => watchRoot(root, () => {
    registry.invalidate(root);
    runtime.rootChanged(root);
  }, log));
  const checkJwt = createJwtCheck(options.jwtSecret);

  const handler: Handler = async (req, res, path, url) => {
    const raw = req.url ?? '/';
    const target = raw.startsWith(PREFIX) ? raw.slice(PREFIX.length) : path + url.search;
    const name = /^\/([^/?#]*)/.exec(target)?.[1] ?? '';
    try {
      const def = registry.find(name);
      if (!def) throw new PlatformError('NOT_FOUND');
      if (!ALLOWED_METHODS.has(req.method ?? '')) throw new PlatformError('METHOD_NOT_ALLOWED');
      if (def.verifyJwt && req.method !== 'OPTIONS') await checkJwt(req.headers.authorization);
      const worker = await runtime.acquire(def);
      await proxyToWorker(req, res, worker, target, limits.requestIdleTimeoutMs);
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      req.resume();
      sendPlatformError(res, error);
    }
  };

  return {
    handler,
    async close() {
      for (const watcher of watchers) watcher?.close();
      await runtime.close();
      rmSync(scratchDir, { recursive: true, force: true });
    },
  };
}

/** Calls `onChange` (debounced) when anything under the root's folder changes. */
function watchRoot(root: FunctionRoot, onChange: () => void, log: (line: string) => void): FSWatcher | undefined {
  if (!existsSync(root.dir)) return undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const watcher = watch(root.dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, 30);
    });
    watcher.on('error', (error) => log(`[functions] watching ${root.dir}: ${error.message}`));
    return watcher;
  } catch (error) {
    log(`[functions] cannot watch ${root.dir} (${(error as Error).message}): restart to pick up changes`);
    return undefined;
  }
}

function findDeno(): string {
  for (const candidate of [join(PROJECT_ROOT, 'node_modules', 'deno', 'deno'), join(PROJECT_ROOT, 'node_modules', '.bin', 'deno')]) {
    if (existsSync(candidate)) return candidate;
  }
  return 'deno';
}
