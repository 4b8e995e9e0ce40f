// The jobs migration on a database no worker ever touched: pg-boss's schema is there, exactly as
// pg-boss would have created it, the product queues exist with the registry's options, and SQL can
// enqueue at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { createScratchDatabase } from '../helpers/database.ts';
import { bootstrapSupabaseSurface } from '../../supabase/local/db/bootstrap.ts';
import { applyMigrations } from '../../supabase/local/db/migrate.ts';
import { SUPABASE_DIR } from '../../supabase/local/config.ts';
import { productQueues } from '../../jobs/registry.ts';

let db: Awaited<ReturnType<typeof createScratchDatabase>>;
let client: pg.Client;
before(async () => {
  db = await createScratchDatabase('jobs_migration');
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await bootstrapSupabaseSurface(client);
  await applyMigrations(client, [join(SUPABASE_DIR, 'migrations')]);
});
after(async () => {
  await client?.end();
  await db?.drop();
});

test('SQL enqueues a product job before any worker has started', async () => {
  const payload = {
    to: 'early@example.com', locale: 'en', template: 'one-time-code',
    data: { Token: '123456', SiteURL: 'http://127.0.0.1:3000', Email: 'early@example.com' },
  };
  const { rows } = await client.query(`select app.enqueue_job('send-email', $1) as id`, [payload]);
  const [job] = (await client.query(`select name, state, data, retry_limit, retry_delay, retry_backoff, dead_letter,
                                            extract(epoch from expire_in)::int as expire from pgboss.job where id = $1`, [rows[0].id])).rows;
  assert.deepEqual(job, {
    name: 'send-email', state: 'created', data: payload, retry_limit: 8, retry_delay: 5, retry_backoff: true,
    dead_letter: 'send-email-dead', expire: 60,
  });
});

test('the migration creates the product queues with the options of jobs/queues/*.ts', async () => {
  const { rows } = await client.query(`select name, policy, retry_limit, retry_delay, retry_backoff, expire_seconds, retention_minutes, dead_letter
                                       from pgboss.queue order by name`);
  const expected = productQueues
    .map((q) => ({
      name: q.name, policy: q.options.policy ?? 'standard', retry_limit: q.options.retryLimit, retry_delay: q.options.retryDelay,
      retry_backoff: q.options.retryBackoff, expire_seconds: q.options.expireInSeconds, retention_minutes: q.options.retentionMinutes ?? null,
      dead_letter: ('deadLetter' in q.options && q.options.deadLetter) || null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  assert.deepEqual(rows, expected);
});

test('pg-boss finds its schema at its own version, identical to what it would have created', async () => {
  const require = createRequire(import.meta.url);
  const { schema: version } = require('pg-boss/version.json') as { schema: number };
  assert.deepEqual((await client.query(`select version from pgboss.version`)).rows, [{ version }]);

  await client.query(PgBoss.getConstructionPlans('pgboss_probe'));
  const shape = async (schema: string) =>
    (await client.query(
      `select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(column_default, '') as item
         from information_schema.columns where table_schema = $1 and table_name !~ $2
       union all
       select 'index ' || replace(indexdef, $1 || '.', '') from pg_indexes where schemaname = $1 and tablename !~ $2
       union all
       select 'function ' || p.proname || ' ' || replace(p.prosrc, $1 || '.', '') from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1
       union all
       select 'constraint ' || conname || ' ' || replace(pg_get_constraintdef(c.oid), $1 || '.', '')
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace
         left join pg_class t on t.oid = c.conrelid
        where n.nspname = $1 and coalesce(t.relname, '') !~ $2
       order by 1`,
      // Leave out the per-queue partitions (j<sha224 of the name>): the probe has no queues.
      [schema, '^j[0-9a-f]{56}$'],
    )).rows.map((r) => (r.item as string).replaceAll(`${schema}.`, ''));
  const created = await shape('pgboss_probe');
  assert.ok(created.length > 40);
  assert.deepEqual(await shape('pgboss'), created);
  await client.query('drop schema pgboss_probe cascade');

  // A worker starting now has nothing to create or migrate.
  const boss = new PgBoss({ connectionString: db.url, migrate: false, supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  await boss.stop({ graceful: false });
});

test('the API roles hold exactly the rights the jobs and mail migrations grant them', async () => {
  const { rows } = await client.query(`
    select r.role,
           has_table_privilege(r.role, 'public.email_deliveries', 'select') as read_deliveries,
           has_table_privilege(r.role, 'public.email_deliveries', 'insert') as write_deliveries,
           has_function_privilege(r.role, 'app.enqueue_job(text, jsonb, jsonb)', 'execute') as enqueue,
           has_function_privilege(r.role, 'public.job_queue_counts()', 'execute') as counts,
           has_function_privilege(r.role, 'public.retry_job(uuid)', 'execute') as retry,
           has_schema_privilege(r.role, 'pgboss', 'usage') as pgboss
    from unnest(array['anon', 'authenticated', 'service_role']) as r(role) order by 1`);
  assert.deepEqual(rows, [
    { role: 'anon', read_deliveries: false, write_deliveries: false, enqueue: false, counts: false, retry: false, pgboss: false },
    { role: 'authenticated', read_deliveries: true, write_deliveries: false, enqueue: false, counts: true, retry: true, pgboss: false },
    { role: 'service_role', read_deliveries: true, write_deliveries: true, enqueue: true, counts: false, retry: false, pgboss: false },
  ]);
});
