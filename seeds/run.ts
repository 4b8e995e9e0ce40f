// `npm run seed -- demo` loads the small French demo business; `npm run seed -- large` loads the
// volume set (50 shops, 30,000 products, 200,000 customers, 1,000,000 orders), deterministically.
// Options: --seed <n> (default 2026), --scale <f> (large only: 0.01 is a hundredth of the volume).
// Reaches Postgres at DATABASE_URL and Auth at SUPABASE_URL with SUPABASE_SERVICE_ROLE_KEY
// (defaults: the local stack that `npm start` runs).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { LOCAL_SERVICE_ROLE_KEY } from '../supabase/local/config.ts';
import { seedDemo } from './demo/index.ts';
import { seedLarge } from './large/index.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string', default: '2026' }, scale: { type: 'string', default: '1' } },
});
const [which] = positionals;
if (which !== 'demo' && which !== 'large') {
  console.error('usage: npm run seed -- demo | large [--seed <n>] [--scale <f>]');
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54322/postgres';
const started = performance.now();
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
try {
  if (which === 'demo') {
    await seedDemo(client, {
      supabaseUrl: process.env.SUPABASE_URL ?? 'http://127.0.0.1:54321',
      serviceRoleKey: process.env.SUPABASE_SERVICE_ROLE_KEY ?? LOCAL_SERVICE_ROLE_KEY,
    });
  } else {
    await seedLarge(client, { seed: Number(values.seed), scale: Number(values.scale), log: console.log });
  }
} finally {
  await client.end();
}
console.log(`seed ${which}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
