// Brings up the local stand-in for a Supabase project: Postgres (embedded unless DATABASE_URL is
// given), the Supabase database surface, migrations, the API gateway with REST, Auth, Storage and
// Edge Functions, and the local mailbox. The jobs worker is a process of its own (start.ts).
import { join } from 'node:path';
import type { Server } from 'node:http';
import pg from 'pg';
import { loadConfig, LOCAL_ANON_KEY, LOCAL_JWT_SECRET, LOCAL_SERVICE_ROLE_KEY, PROJECT_ROOT, SUPABASE_DIR, type SupabaseConfig } from './config.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.ts';
import { bootstrapSupabaseSurface } from './db/bootstrap.ts';
import { applyMigrations } from './db/migrate.ts';
import { createGateway } from './gateway/server.ts';
import { createRestService } from './rest/service.ts';
import { createAuthService } from './auth/service.ts';
import { createStorageService } from './storage/service.ts';
import { createFunctionsService } from './functions/service.ts';
import type { WorkerLimits } from './functions/worker.ts';
import { startMailbox } from './mailbox/server.ts';

export interface StackOptions {
  /** Where embedded Postgres keeps its data (default supabase/.data). */
  dataDir?: string;
  apiPort?: number;
  dbPort?: number;
  /** Use this database instead of embedding one. */
  databaseUrl?: string;
  /** Extra migration folders applied after supabase/migrations (test fixtures). */
  extraMigrationDirs?: string[];
  /** Extra Edge Function folders (test fixtures), each with an optional config.toml. */
  extraFunctionDirs?: string[];
  /** The functions' secrets file (default functions/.env). */
  functionsEnvFile?: string;
  /** Edge Function limits (request idle timeout, wall clock…); default hosted Supabase's. */
  functionLimits?: Partial<WorkerLimits>;
  /** Port of the local mailbox (default config.toml's [inbucket] port, or any free one when apiPort is 0). */
  mailboxPort?: number;
  config?: SupabaseConfig;
  log?: (line: string) => void;
}

export interface Stack {
  apiUrl: string;
  dbUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  config: SupabaseConfig;
  migrationsApplied: string[];
  dataDir: string;
  /** The local mailbox: every e-mail sent through the `mailbox` transport, readable in a browser. */
  mailboxUrl: string;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const config = options.config ?? loadConfig();
  const log = options.log ?? ((line: string) => console.log(line));
  const apiPort = options.apiPort ?? config.api.port;
  const jwtSecret = LOCAL_JWT_SECRET;

  const dataDir = options.dataDir ?? join(SUPABASE_DIR, '.data');
  let embedded: EmbeddedDatabase | undefined;
  let dbUrl = options.databaseUrl;
  if (!dbUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: options.dbPort ?? config.db.port,
      log: () => {},
    });
    dbUrl = embedded.url;
  }

  const cleanups: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => log(`[stop] ${e}`));
    await embedded?.stop();
  };

  try {
    const admin = new pg.Client({ connectionString: dbUrl });
    await admin.connect();
    let migrationsApplied: string[];
    try {
      await bootstrapSupabaseSurface(admin);
      migrationsApplied = await applyMigrations(admin, [
        join(SUPABASE_DIR, 'migrations'),
        ...(options.extraMigrationDirs ?? []),
      ]);
    } finally {
      await admin.end();
    }

    const authenticatorUrl = withCredentials(dbUrl, 'authenticator', 'postgres');
    const rest = await createRestService({ connectionString: authenticatorUrl, adminConnectionString: dbUrl, config, jwtSecret, log });
    cleanups.push(() => rest.close());
    const auth = await createAuthService({ connectionString: dbUrl, config, jwtSecret, apiUrl: `http://127.0.0.1:${apiPort}`, log });
    cleanups.push(() => auth.close());

    const storage = await createStorageService({
      connectionString: authenticatorUrl, adminConnectionString: dbUrl, config, jwtSecret,
      storageDir: join(dataDir, 'storage'), apiUrl: `http://127.0.0.1:${apiPort}`, log,
    });
    cleanups.push(() => storage.close());
    const functions = await createFunctionsService({
      config, functionsDir: join(PROJECT_ROOT, 'functions'), envFile: options.functionsEnvFile ?? join(PROJECT_ROOT, 'functions', '.env'),
      extraFunctionDirs: options.extraFunctionDirs, limits: options.functionLimits,
      apiUrl: `http://127.0.0.1:${apiPort}`, anonKey: LOCAL_ANON_KEY, serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
      dbUrl, jwtSecret, log,
    });
    cleanups.push(() => functions.close());

    // A stack asked for any free API port (apiPort 0) takes any free mailbox port too.
    const mailboxPort = options.mailboxPort ?? (options.apiPort === 0 ? 0 : config.inbucket.port);
    const mailbox = await startMailbox({ dir: join(dataDir, 'mailbox'), port: mailboxPort, log });
    cleanups.push(() => mailbox.close());

    const server = createGateway({
      routes: [
        { prefix: '/rest/v1', handler: rest.handler },
        { prefix: '/auth/v1', handler: auth.handler, isOpen: (path) => auth.openPaths.includes(path) },
        { prefix: '/storage/v1', handler: storage.handler, isOpen: storage.isOpen },
        // Functions check the JWT themselves (verify_jwt), so webhooks need no apikey.
        { prefix: '/functions/v1', handler: functions.handler, isOpen: () => true, handlesPreflight: true },
      ],
      apiKeys: [LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY],
      log,
    });
    await listen(server, apiPort);
    cleanups.push(() => closeServer(server));
    const { port: boundPort } = server.address() as { port: number };

    return {
      apiUrl: `http://127.0.0.1:${boundPort}`,
      dbUrl,
      anonKey: LOCAL_ANON_KEY,
      serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
      jwtSecret,
      config,
      migrationsApplied,
      dataDir,
      mailboxUrl: mailbox.url,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} is already in use (is Comptoir already running?)`) : error),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** Stops accepting connections and waits for in-flight requests to finish. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

export { PROJECT_ROOT };
