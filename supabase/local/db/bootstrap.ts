// Gives a plain Postgres the database surface of a Supabase project: roles, the auth schema and
// its helpers, schema-cache reload triggers. Each file is idempotent and runs at every start.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const BOOTSTRAP_DIR = fileURLToPath(new URL('./', import.meta.url));

export async function bootstrapSupabaseSurface(client: pg.Client): Promise<void> {
  const files = readdirSync(BOOTSTRAP_DIR).filter((f) => f.endsWith('.sql')).sort();
  // Serialise concurrent starts against one database (two test runs, say).
  await client.query('select pg_advisory_lock(5432100)');
  try {
    for (const file of files) {
      try {
        await client.query('begin');
        await client.query(readFileSync(BOOTSTRAP_DIR + file, 'utf8'));
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`bootstrap ${file} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock(5432100)');
  }
}
