// Throw-away databases in the test cluster, for tests that start a stack or a worker of their own.
import { join } from 'node:path';
import pg from 'pg';
import { SUPABASE_DIR } from '../../supabase/local/config.ts';
import { bootstrapSupabaseSurface } from '../../supabase/local/db/bootstrap.ts';
import { applyMigrations } from '../../supabase/local/db/migrate.ts';
import { sql, DATABASE_URL } from './env.ts';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  await sql(`create database ${name}`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await sql(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * A scratch database with the Supabase surface and supabase/migrations (pg-boss, the product
 * queues, email_deliveries): jobs enqueued there are out of reach of the test stack's worker.
 */
export async function createMigratedDatabase(prefix: string): Promise<ScratchDatabase> {
  const db = await createScratchDatabase(prefix);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await bootstrapSupabaseSurface(client);
    await applyMigrations(client, [join(SUPABASE_DIR, 'migrations')]);
  } finally {
    await client.end();
  }
  return db;
}

/** Runs one statement on a database other than the test stack's, on a connection of its own. */
export async function queryDatabase(url: string, text: string): Promise<any[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}
