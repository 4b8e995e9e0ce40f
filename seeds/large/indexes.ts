// Secondary indexes of the big tables are dropped before the load and built again after it: one
// sort per index beats millions of random inserts into it. Indexes that back a constraint (primary
// keys, unique constraints) stay, so that the constraints hold throughout. If the load fails, the
// indexes are rebuilt all the same (finally); a seed killed midway leaves them missing, so discard
// such a database (the seed refuses to run on it again anyway).
import type pg from 'pg';
import type { Connections } from './connections.ts';

export interface DeferredIndex { table: string; name: string; definition: string }

export async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<DeferredIndex[]> {
  const { rows } = await client.query<DeferredIndex>(
    `select c.relname as table, i.relname as name, pg_get_indexdef(x.indexrelid) as definition
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class c on c.oid = x.indrelid
       join pg_namespace ns on ns.oid = c.relnamespace
      where ns.nspname = 'public' and c.relname = any ($1)
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
      order by c.relname, i.relname`,
    [tables],
  );
  // All or none, so that a failure here loses no index.
  await client.query('begin');
  try {
    for (const index of rows) await client.query(`drop index public.${quoteIdent(index.name)}`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return rows;
}

/** Builds the indexes again, two at a time (one per core), biggest tables first. */
export async function rebuildIndexes(connections: Connections, indexes: DeferredIndex[], order: string[]): Promise<void> {
  const queue = [...indexes].sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table));
  const worker = () =>
    connections.with(async (client) => {
      for (let next = queue.shift(); next; next = queue.shift()) await client.query(next.definition);
    });
  await Promise.all([worker(), worker()]);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
