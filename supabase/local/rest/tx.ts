// The request's transaction on a pooled connection, begun lazily so that BEGIN and the request
// settings travel in the same round trip as the first statement when it has no bind parameters
// (and a read-only request's last statement can carry the COMMIT too: one round trip in all).
import type pg from 'pg';
import type { TxClient } from './context.ts';

type Config = string | { text: string; values?: unknown[] };

function lastResults(result: pg.QueryResult | pg.QueryResult[], fromEnd: number): pg.QueryResult {
  const list = Array.isArray(result) ? result : [result];
  return list[list.length - 1 - fromEnd];
}

export class RequestTx implements TxClient {
  private state: 'idle' | 'open' | 'done' = 'idle';

  constructor(
    private readonly client: pg.PoolClient,
    /** `BEGIN …; SELECT set_config(…)` (simple protocol, literals only). */
    private readonly beginSql: string,
  ) {}

  async query<R extends pg.QueryResultRow = any>(config: Config, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const text = typeof config === 'string' ? config : config.text;
    const vals = typeof config === 'string' ? values : config.values ?? values;
    if (this.state === 'done') throw new Error('the request transaction is already finished');
    if (this.state === 'idle') {
      this.state = 'open';
      if (!vals || vals.length === 0) {
        return lastResults(await this.client.query(`${this.beginSql}; ${text}`) as unknown as pg.QueryResult[], 0) as pg.QueryResult<R>;
      }
      await this.client.query(this.beginSql);
    }
    return this.client.query<R>(text, vals as unknown[]);
  }

  async queryAndCommit<R extends pg.QueryResultRow = any>(text: string): Promise<pg.QueryResult<R>> {
    const prefix = this.state === 'idle' ? `${this.beginSql}; ` : '';
    this.state = 'open';
    const results = await this.client.query(`${prefix}${text}; COMMIT`);
    this.state = 'done';
    return lastResults(results as unknown as pg.QueryResult[], 1) as pg.QueryResult<R>;
  }

  /** Ends the transaction (nothing to do if no statement ran, or if it already committed). */
  async finish(rollback: boolean): Promise<void> {
    if (this.state === 'open') await this.client.query(rollback ? 'ROLLBACK' : 'COMMIT');
    this.state = 'done';
  }

  /** After an error: roll back whatever is open. */
  async abort(): Promise<void> {
    if (this.state === 'open') await this.client.query('ROLLBACK');
    this.state = 'done';
  }
}
