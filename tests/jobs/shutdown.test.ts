// What happens to a job when its worker goes away: killed (SIGKILL) mid-job, the job is retried
// once it expires and its effect happens once; stopped (SIGTERM), the job finishes, or — if it
// outlasts the stop timeout — goes back to retry. Nothing is left `active`.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL, sql } from '../helpers/env.ts';
import { enqueueTest, startTestWorker, waitFor, type TestWorker } from '../helpers/worker.ts';

const workers: TestWorker[] = [];
afterEach(async () => {
  for (const w of workers.splice(0)) {
    w.child.kill('SIGKILL');
    await w.exited;
  }
});

async function start(env: Record<string, string>): Promise<TestWorker> {
  const worker = await startTestWorker({ JOBS_WORK: 'test-effect', ...env });
  workers.push(worker);
  return worker;
}

async function enqueueEffect(payload: { key: string; sleepMs?: number; hangOnAttempt?: number }, options = {}): Promise<string> {
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    return (await enqueueTest(db, 'test-effect', payload, options))!;
  } finally {
    await db.end();
  }
}

const stateOf = async (id: string) => (await sql(`select state from pgboss.job where id = $1`, [id]))[0]?.state as string;
const activeJobs = async () => (await sql(`select count(*)::int n from pgboss.job where state = 'active'`))[0].n as number;

test('a worker killed mid-job: the job is retried after it expires, and its effect happens once', async () => {
  const first = await start({});
  const id = await enqueueEffect({ key: 'killed', hangOnAttempt: 1 }, { expireInSeconds: 2, retryDelay: 0 });
  await waitFor('the first attempt to start', async () => (await sql(`select 1 from jobs_fixture.attempts where job_id = $1`, [id])).length === 1);
  assert.equal(await stateOf(id), 'active');
  first.child.kill('SIGKILL');
  await first.exited;
  assert.equal(await stateOf(id), 'active', 'a killed worker cannot report anything');

  await start({});
  await waitFor('the job to complete on the second worker', async () => (await stateOf(id)) === 'completed', 20_000);
  const attempts = await sql(`select attempt, finished_at from jobs_fixture.attempts where job_id = $1 order by attempt`, [id]);
  assert.deepEqual(attempts.map((a) => [a.attempt, a.finished_at !== null]), [[1, false], [2, true]]);
  assert.equal((await sql(`select count(*)::int n from jobs_fixture.effects where idempotency_key = $1`, [id]))[0].n, 1);
});

test('SIGTERM lets an in-flight job finish, exits 0 and leaves nothing active', async () => {
  const worker = await start({ JOBS_STOP_TIMEOUT_SECONDS: '20' });
  const id = await enqueueEffect({ key: 'graceful', sleepMs: 2000 });
  await waitFor('the job to start', async () => (await sql(`select 1 from jobs_fixture.attempts where job_id = $1`, [id])).length === 1);
  const stoppedAt = Date.now();
  worker.child.kill('SIGTERM');
  assert.equal(await worker.exited, 0);
  assert.ok(Date.now() - stoppedAt >= 1000, 'the worker waited for the job');
  assert.equal(await stateOf(id), 'completed');
  const [attempt] = await sql(`select finished_at from jobs_fixture.attempts where job_id = $1`, [id]);
  assert.notEqual(attempt.finished_at, null);
  assert.equal(await activeJobs(), 0);
  assert.match(worker.output(), /SIGTERM: letting in-flight jobs finish…\n\[jobs\] worker stopped\n/);
});

test('SIGTERM with a job longer than the stop timeout: the job goes back to retry, not stuck active', async () => {
  const worker = await start({ JOBS_STOP_TIMEOUT_SECONDS: '1' });
  const id = await enqueueEffect({ key: 'too-long', sleepMs: 15_000 }, { retryDelay: 3600 });
  await waitFor('the job to start', async () => (await sql(`select 1 from jobs_fixture.attempts where job_id = $1`, [id])).length === 1);
  const stoppedAt = Date.now();
  worker.child.kill('SIGTERM');
  assert.equal(await worker.exited, 0);
  const took = Date.now() - stoppedAt;
  assert.ok(took < 6000, `stopping took ${took} ms`);
  const [job] = await sql(`select state, output from pgboss.job where id = $1`, [id]);
  assert.equal(job.state, 'retry');
  assert.equal(job.output.message, 'worker stopped before the job finished');
  assert.equal(await activeJobs(), 0);
  await sql(`update pgboss.job set state = 'cancelled' where id = $1`, [id]);
});
