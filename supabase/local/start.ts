// `npm start`: runs the local Supabase stand-in and prints what `supabase status` prints.
import { startStack } from './stack.ts';
import pg from 'pg';
import { spawnWorker } from '../../jobs/child.ts';
import { seedDemo } from '../../seeds/demo/index.ts';
import { ensureAdminBuilt } from './admin/build.ts';
import { serveAdmin } from './admin/serve.ts';

const port = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const stack = await startStack({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.COMPTOIR_DATA_DIR,
  apiPort: port('COMPTOIR_API_PORT'),
  dbPort: port('COMPTOIR_DB_PORT'),
  mailboxPort: port('COMPTOIR_MAILBOX_PORT'),
}).catch((error: Error) => {
  console.error(`Comptoir did not start: ${error.message}`);
  process.exit(1);
});

// First run on the embedded database: load the demo business (seeds/demo), unless COMPTOIR_SEED=none.
// A database that has ever had a shop is left alone, so deleting the demo keeps it deleted.
if (!process.env.DATABASE_URL && process.env.COMPTOIR_SEED !== 'none') {
  const client = new pg.Client({ connectionString: stack.dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`select not exists (select 1 from public.shops) and not exists (select 1 from public.audit_log where table_name = 'shops') as first_run`);
    if (rows[0].first_run) {
      console.log('First run: loading the demo business (npm run seed -- demo)…');
      await seedDemo(client, { supabaseUrl: stack.apiUrl, serviceRoleKey: stack.serviceRoleKey }, { log: console.log });
    }
  } catch (error) {
    console.error(`The demo seed failed, the stack runs without it: ${(error as Error).message}`);
  } finally {
    await client.end();
  }
}

// The jobs worker (jobs/), against the same database; stopped before the stack on SIGINT/SIGTERM.
const worker = spawnWorker({ DATABASE_URL: stack.dbUrl, COMPTOIR_MAILBOX_URL: stack.mailboxUrl }, console.log);

// The admin (admin/): built when its sources changed, served like Supabase Studio at :54323.
await ensureAdminBuilt({ log: console.log });
const admin = await serveAdmin({ port: port('COMPTOIR_ADMIN_PORT') ?? 54323, supabaseUrl: stack.apiUrl, anonKey: stack.anonKey })
  .catch(async (error: Error) => {
    console.error(`The admin did not start: ${error.message}`);
    await worker.stop();
    await stack.stop();
    process.exit(1);
  });

const api = stack.apiUrl;
console.log(`
Comptoir local development setup is running.

         API URL: ${api}
        REST URL: ${api}/rest/v1
        Auth URL: ${api}/auth/v1
     Storage URL: ${api}/storage/v1
   Functions URL: ${api}/functions/v1
          DB URL: ${stack.dbUrl}
     Mailbox URL: ${stack.mailboxUrl}
       Admin URL: ${admin.url}
      JWT secret: ${stack.jwtSecret}
        anon key: ${stack.anonKey}
service_role key: ${stack.serviceRoleKey}
${stack.migrationsApplied.length ? `\nApplied migrations: ${stack.migrationsApplied.join(', ')}\n` : ''}
Press Ctrl-C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: finishing in-flight requests and stopping Postgres…`);
    await admin.stop();
    await worker.stop();
    await stack.stop();
    console.log('Stopped.');
    process.exit(0);
  });
}
