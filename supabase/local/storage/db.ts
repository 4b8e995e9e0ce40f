// Runs a request's SQL the way storage-api does: on a connection logged in as `authenticator`,
// inside one transaction that switches to the caller's role and claims, so RLS applies.
import pg from 'pg';
import type { Caller } from './auth.ts';
import { sql, type Query } from './sql.ts';

export interface Tx {
  query<T extends pg.QueryResultRow = any>(q: Query): Promise<T[]>;
}

export class StorageDb {
  private readonly pool: pg.Pool;
  private readonly admin: pg.Pool;

  constructor(connectionString: string, adminConnectionString: string) {
    this.pool = new pg.Pool({ connectionString, max: 10 });
    this.admin = new pg.Pool({ connectionString: adminConnectionString, max: 4 });
    this.pool.on('error', () => {});
    this.admin.on('error', () => {});
  }

  /**
   * Runs `work` in a transaction as the caller. `beforeCommit` runs after `work` succeeded and
   * before COMMIT (moving bytes into place); `onAbort` undoes it if COMMIT fails.
   */
  async asCaller<T>(
    caller: Caller,
    request: { method: string; path: string },
    work: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const { text, values } = sql.impersonate(caller.role, caller.claims, caller.jwt, request.method, request.path);
      await client.query(text, values);
      const result = await work(txOf(client));
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** SQL that storage-api runs as its superuser (bucket lookups for uploads, public and signed reads). */
  async asSuperUser<T extends pg.QueryResultRow = any>(q: Query): Promise<T[]> {
    return (await this.admin.query<T>(q.text, q.values)).rows;
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.admin.end()]);
  }
}

function txOf(client: pg.PoolClient): Tx {
  return {
    async query<T extends pg.QueryResultRow = any>(q: Query): Promise<T[]> {
      return (await client.query<T>(q.text, q.values)).rows;
    },
  };
}
