// Runs one request's work in its transaction on a pooled connection, and leaves the connection
// clean: transaction-local settings only, ROLLBACK on any error, broken connections discarded.
import type pg from 'pg';
import type { RestRequest, RestResponse, TxClient } from './context.ts';
import { beginSql } from './transaction.ts';
import { RequestTx } from './tx.ts';
import { applyResponseGucs } from './response-gucs.ts';

export async function runInTransaction(
  pool: pg.Pool,
  req: RestRequest,
  readOnly: boolean,
  work: (tx: TxClient) => Promise<RestResponse>,
): Promise<RestResponse> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const tx = new RequestTx(client, beginSql({
        readOnly,
        role: req.caller.role,
        claims: req.caller.claims,
        method: req.method,
        path: req.path,
        headers: req.headers,
        schema: req.schema,
        extraSearchPath: req.settings.extraSearchPath,
        roleSettings: req.cache.roleSettings.get(req.caller.role) ?? [],
        timezone: req.prefer.timezone,
      }));
    try {
      const response = applyResponseGucs(await work(tx));
      await tx.finish(response.rollback ?? false);
      return response;
    } catch (error) {
      try {
        await tx.abort();
      } catch (e) {
        broken = e as Error;
      }
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
