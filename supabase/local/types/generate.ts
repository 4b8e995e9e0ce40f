// `npm run gen:types`: writes supabase/database.types.ts from the database at DATABASE_URL (by
// default the local stack's). With --scratch, from a throw-away database created in that server,
// given the Supabase surface and supabase/migrations only (what `supabase db push` would make),
// then dropped: the types then owe nothing to local data or test fixtures.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SUPABASE_DIR } from '../config.ts';
import { bootstrapSupabaseSurface } from '../db/bootstrap.ts';
import { applyMigrations } from '../db/migrate.ts';
import { generateTypes } from './typescript.ts';

export const TYPES_FILE = join(SUPABASE_DIR, 'database.types.ts');
const DEFAULT_URL = 'postgresql://postgres:postgres@127.0.0.1:54322/postgres';

/** Runs `use` on a client connected to a fresh migrated database in the server at serverUrl. */
export async function withScratchDatabase<T>(serverUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const name = `types_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await bootstrapSupabaseSurface(client);
      await applyMigrations(client, [join(SUPABASE_DIR, 'migrations')]);
      return await use(client);
    } finally {
      await client.end();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  let text: string;
  if (process.argv.includes('--scratch')) {
    text = await withScratchDatabase(url, generateTypes);
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      text = await generateTypes(client);
    } finally {
      await client.end();
    }
  }
  writeFileSync(TYPES_FILE, text);
  console.log(`wrote ${TYPES_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
