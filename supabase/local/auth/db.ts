// Database access for Auth: a pool of superuser connections and one transaction per request
// that writes, so that a failing trigger on auth.users rolls the whole request back.
import pg from 'pg';
import type { Query } from './sql.ts';

export interface Db {
  one<T extends pg.QueryResultRow>(query: Query): Promise<T | undefined>;
  many<T extends pg.QueryResultRow>(query: Query): Promise<T[]>;
  run(query: Query): Promise<number>;
}

function wrap(client: pg.Pool | pg.PoolClient): Db {
  return {
    one: async <T extends pg.QueryResultRow>(q: Query) => (await client.query<T>(q.text, q.values)).rows[0],
    many: async <T extends pg.QueryResultRow>(q: Query) => (await client.query<T>(q.text, q.values)).rows,
    run: async (q: Query) => (await client.query(q.text, q.values)).rowCount ?? 0,
  };
}

export interface Database {
  /** Outside a transaction: for reads. */
  db: Db;
  /** Runs fn in one transaction: commits when it returns, rolls back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Like transaction, but commits even when fn throws (GoTrue's NewCommitWithError), then rethrows. */
  transactionCommitOnError<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function openDatabase(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  pool.on('error', () => {});
  async function inTransaction<T>(fn: (tx: Db) => Promise<T>, commitOnError: boolean): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      let result: T;
      try {
        result = await fn(wrap(client));
      } catch (error) {
        await client.query(commitOnError && !(error instanceof pg.DatabaseError) ? 'commit' : 'rollback');
        throw error;
      }
      await client.query('commit');
      return result;
    } finally {
      client.release();
    }
  }
  return {
    db: wrap(pool),
    transaction: (fn) => inTransaction(fn, false),
    transactionCommitOnError: (fn) => inTransaction(fn, true),
    close: () => pool.end(),
  };
}
