// `npm run bench:jobs`: jobs per second through pg-boss (the product worker, jobs/worker.ts) with a
// no-op handler and with a handler that inserts one row, at 1, 4 and 16 jobs at once — against a
// plain Postgres queue on the same database in the same run: a table drained by
// `DELETE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING …` loops (plus the same
// one-row insert), at the same concurrency. Prints both rates and pg-boss ÷ plain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { freePort, startComptoir } from '../supabase/local/spawn.ts';
import { defineQueue } from './queue.ts';
import { startWorker } from './worker.ts';

const JOBS_PER_SLOT = Number(process.env.BENCH_JOBS_PER_SLOT ?? 300);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,4,16').split(',').map(Number);

type Kind = 'no-op' | 'one insert';

const SETUP = `
  drop table if exists public.bench_plain_queue, public.bench_effects;
  create table public.bench_plain_queue (id bigint generated always as identity primary key, payload jsonb not null);
  create table public.bench_effects (id bigint generated always as identity primary key, job text not null);
`;

async function viaPgBoss(dbUrl: string, admin: pg.Pool, kind: Kind, concurrency: number, total: number): Promise<number> {
  const name = kind === 'no-op' ? 'bench-noop' : 'bench-insert';
  const queue = defineQueue({
    name,
    schema: z.object({ i: z.number() }),
    options: { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60 },
    concurrency,
    handler:
      kind === 'no-op'
        ? async () => {}
        : async (payload, job) => {
            await job.db.query('insert into public.bench_effects (job) values ($1)', [job.id]);
          },
  });
  const worker = await startWorker({ databaseUrl: dbUrl, queues: [queue], pollingIntervalSeconds: 0.5, log: () => {} });
  await admin.query(`delete from pgboss.job where name = $1`, [name]);
  await admin.query(`select app.enqueue_job($1, jsonb_build_object('i', g)) from generate_series(1, $2) g`, [name, total]);
  for (;;) {
    const { rows } = await admin.query(`select count(*)::int n from pgboss.job where name = $1 and state = 'completed'`, [name]);
    if (rows[0].n >= total) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await worker.stop();
  // From the first job's start to the last one's completion, as pg-boss recorded them: the idle
  // worker's polling delay before the first fetch is not counted.
  const { rows } = await admin.query(
    `select extract(epoch from max(completed_on) - min(started_on))::float8 as seconds from pgboss.job where name = $1`,
    [name],
  );
  return total / rows[0].seconds;
}

async function viaPlainQueue(dbUrl: string, admin: pg.Pool, kind: Kind, concurrency: number, total: number): Promise<number> {
  await admin.query(`truncate public.bench_plain_queue`);
  await admin.query(`insert into public.bench_plain_queue (payload) select jsonb_build_object('i', g) from generate_series(1, $1) g`, [total]);
  const pool = new pg.Pool({ connectionString: dbUrl, max: concurrency });
  await Promise.all(Array.from({ length: concurrency }, () => pool.query('select 1')));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const { rows } = await pool.query(
          `delete from public.bench_plain_queue
           where id = (select id from public.bench_plain_queue order by id for update skip locked limit 1)
           returning id, payload`,
        );
        if (rows.length === 0) return;
        if (kind === 'one insert') await pool.query('insert into public.bench_effects (job) values ($1)', [String(rows[0].id)]);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return total / seconds;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-jobs-'));
  const dbPort = await freePort();
  console.log(`Starting Comptoir (embedded Postgres in ${dataDir})…`);
  const server = await startComptoir({ COMPTOIR_DATA_DIR: dataDir, COMPTOIR_API_PORT: String(await freePort()), COMPTOIR_DB_PORT: String(dbPort) });
  const dbUrl = `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`;
  const admin = new pg.Pool({ connectionString: dbUrl, max: 2 });
  try {
    await admin.query(SETUP);
    console.log(`\n${JOBS_PER_SLOT} jobs per concurrent slot; pg-boss and the plain queue alternate, each measured twice\n`);
    const rows = [['handler', 'concurrency', 'pg-boss jobs/s', 'plain jobs/s', 'pg-boss ÷ plain']];
    for (const kind of ['no-op', 'one insert'] as const) {
      for (const concurrency of CONCURRENCY) {
        const total = JOBS_PER_SLOT * concurrency;
        await viaPgBoss(dbUrl, admin, kind, concurrency, Math.min(total, 200)); // warm-up
        await viaPlainQueue(dbUrl, admin, kind, concurrency, Math.min(total, 200));
        const boss: number[] = [];
        const plain: number[] = [];
        for (let round = 0; round < 2; round++) {
          boss.push(await viaPgBoss(dbUrl, admin, kind, concurrency, total));
          plain.push(await viaPlainQueue(dbUrl, admin, kind, concurrency, total));
        }
        const b = mean(boss);
        const p = mean(plain);
        rows.push([kind, String(concurrency), b.toFixed(0), p.toFixed(0), (b / p).toFixed(2)]);
        console.log(`${kind}, ${concurrency} at once: pg-boss ${b.toFixed(0)} jobs/s, plain ${p.toFixed(0)} jobs/s, ratio ${(b / p).toFixed(2)}`);
      }
    }
    console.log('\n' + table(rows));
    console.log('\npg-boss does two round trips per job (fetch, complete) where the plain queue does one, and keeps');
    console.log('retries, expiry, dead letters and history; the ratio is what those cost.');
    await admin.query('drop table if exists public.bench_plain_queue, public.bench_effects');
  } finally {
    await admin.end();
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  return rows.map((r) => r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ')).join('\n');
}

await main();
