// A job that keeps failing is retried with exponential backoff, then fails for good and its
// payload goes to the dead-letter queue, where staff find it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from '../helpers/env.ts';
import { enqueueTest, startTestWorker, waitFor, type TestWorker } from '../helpers/worker.ts';
import pg from 'pg';
import { DATABASE_URL } from '../helpers/env.ts';

let worker: TestWorker | undefined;
after(() => worker?.stop());

test('a failing job is retried with growing delays (retryDelay 1 s, backoff), then dead-lettered', async () => {
  worker = await startTestWorker({ JOBS_WORK: 'test-flaky' });
  const db = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  const id = await enqueueTest(db, 'test-flaky', { key: 'backoff' });
  await db.end();
  assert.ok(id);

  const job = await waitFor(
    'the job to fail for good',
    async () => (await sql(`select state, retry_count, output from pgboss.job where id = $1 and state = 'failed'`, [id]))[0],
    30_000,
  );
  assert.equal(job.retry_count, 3);
  assert.equal(job.output.message, 'test-flaky always fails (attempt 4)');

  const attempts = await sql<{ attempt: number; at: number }>(
    `select attempt, extract(epoch from started_at)::float8 as at from jobs_fixture.attempts where job_id = $1 order by started_at`,
    [id],
  );
  assert.deepEqual(attempts.map((a) => a.attempt), [1, 2, 3, 4]);
  const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i].at);
  // pg-boss waits retryDelay × 2^n × (1 + random)/2·2, i.e. between 2^n and 2^(n+1) seconds before
  // retry n+1 (n from 0), and the worker polls every 0.5 s: [1, 2.7], [2, 4.7], [4, 8.7] seconds.
  const bounds = [[1, 2.7], [2, 4.7], [4, 8.7]];
  gaps.forEach((gap, n) => {
    assert.ok(gap >= bounds[n][0] - 0.05 && gap <= bounds[n][1], `retry ${n + 1} came ${gap.toFixed(2)} s after the previous attempt, expected ${bounds[n].join('–')} s (gaps: ${gaps.map((g) => g.toFixed(2)).join(', ')})`);
  });
  assert.ok(gaps[2] > gaps[0], `the delay grows: ${gaps.map((g) => g.toFixed(2)).join(', ')}`);

  const dead = await waitFor('the dead letter', async () => (await sql(`select data, output, state from pgboss.job where name = 'test-flaky-dead' and data ->> 'key' = 'backoff'`))[0]);
  assert.deepEqual(dead.data, { key: 'backoff' });
  assert.equal(dead.state, 'created');
  assert.equal(dead.output.message, 'test-flaky always fails (attempt 4)');
});
