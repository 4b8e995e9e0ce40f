// The connections a load runs on: the caller's client, plus extra ones to the same database so that
// several COPY streams and recomputes run at once (Postgres runs each on a core of its own). Every
// one loads with triggers off (session_replication_role = replica: no audit rows, no per-row ledger,
// total or stats work; foreign keys are not checked either, the generators keep them right).
import pg from 'pg';
import { CopySink } from './sink.ts';

export interface Connections {
  main: pg.Client;
  /** A connection of its own for the duration of fn. */
  with<T>(fn: (client: pg.Client) => Promise<T>): Promise<T>;
  /** One COPY stream per table, each on a connection of its own; end() them all with endSinks. */
  sinks<K extends string>(tables: Record<K, readonly string[]>): Promise<Record<K, CopySink>>;
  endSinks(sinks: Record<string, CopySink>): Promise<void>;
  close(): Promise<void>;
  /** After a failure: drops every extra connection (a COPY in flight is rolled back with it). */
  abort(): Promise<void>;
}

const LOAD_SETTINGS = `
  set session_replication_role = replica;
  set synchronous_commit = off;
  set maintenance_work_mem = '512MB';
  set work_mem = '64MB';
  set statement_timeout = 0;
`;

export async function openConnections(main: pg.Client): Promise<Connections> {
  await main.query(LOAD_SETTINGS);
  const idle: pg.Client[] = [];
  const all: pg.Client[] = [];
  const params = main as unknown as { host: string; port: number; user: string; password: string; database: string; ssl: unknown };
  const owners = new Map<CopySink, pg.Client>();
  async function acquire(): Promise<pg.Client> {
    let client = idle.pop();
    if (!client) {
      client = new pg.Client({ host: params.host, port: params.port, user: params.user, password: params.password, database: params.database });
      await client.connect();
      await client.query(LOAD_SETTINGS);
      all.push(client);
    }
    return client;
  }
  return {
    main,
    async with(fn) {
      const client = await acquire();
      try {
        return await fn(client);
      } finally {
        idle.push(client);
      }
    },
    async sinks(tables) {
      const out = {} as Record<keyof typeof tables, CopySink>;
      for (const [table, columns] of Object.entries(tables) as Array<[keyof typeof tables, readonly string[]]>) {
        const client = await acquire();
        const sink = new CopySink(client, String(table), columns);
        owners.set(sink, client);
        out[table] = sink;
      }
      return out;
    },
    async endSinks(sinks) {
      await Promise.all(Object.values(sinks).map(async (sink) => {
        try {
          await sink.end();
        } finally {
          idle.push(owners.get(sink)!);
          owners.delete(sink);
        }
      }));
    },
    async abort() {
      const open = all.splice(0);
      idle.length = 0;
      owners.clear();
      await Promise.all(open.map((c) => c.end().catch(() => {})));
    },
    async close() {
      await Promise.all(all.map((c) => c.end().catch(() => {})));
      await main.query('reset session_replication_role; reset synchronous_commit; reset maintenance_work_mem; reset work_mem').catch(() => {});
    },
  };
}
