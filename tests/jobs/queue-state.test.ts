// Queue state through the REST API, for staff only: counts per state per queue, failed jobs with
// their errors, and retry / cancel. Anonymous callers and ordinary users are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL, api, sql } from '../helpers/env.ts';
import { memberToken } from '../helpers/members.ts';
import { enqueueTest, startTestWorker, waitFor } from '../helpers/worker.ts';

let staff: string;
let admin: string;
let user: string;
let failedId: string;
let waitingId: string;

before(async () => {
  staff = await memberToken('staff');
  admin = await memberToken('admin');
  // Claims are not memberships: a user who calls itself staff in its metadata is still no one.
  user = await memberToken('none', { app_metadata: { role: 'staff' }, user_metadata: { role: 'staff' } });

  // One job that fails at once (no retries), and one that waits an hour. The worker creates the
  // test queues at start.
  const worker = await startTestWorker({ JOBS_WORK: 'test-flaky' });
  const db = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  failedId = (await enqueueTest(db, 'test-flaky', { key: 'queue-state' }, { retryLimit: 0 }))!;
  waitingId = (await enqueueTest(db, 'test-effect', { key: 'queue-state-later' }, { startAfter: 3600 }))!;
  await db.end();
  await waitFor('the job to fail', async () => (await sql(`select 1 from pgboss.job where id = $1 and state = 'failed'`, [failedId])).length === 1);
  await worker.stop();
});
after(() => sql(`update pgboss.job set state = 'cancelled' where id = any($1) and state < 'completed'`, [[failedId, waitingId]]));

function rpc(name: string, body: unknown, token?: string): Promise<Response> {
  return api(`/rest/v1/rpc/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

test('staff read the counts per state of every queue', async () => {
  const response = await rpc('job_queue_counts', {}, staff);
  assert.equal(response.status, 200);
  const counts = (await response.json()) as Array<Record<string, unknown>>;
  const byQueue = Object.fromEntries(counts.map((c) => [c.queue, c]));
  assert.deepEqual(Object.keys(byQueue).filter((q) => !q.startsWith('test-')), ['prune-email-deliveries', 'refresh-customer-stats', 'send-email', 'send-email-dead']);
  const [expected] = await sql(`select count(*) filter (where state = 'failed')::int failed, count(*) filter (where state = 'created')::int created,
                                       count(*)::int total from pgboss.job where name = 'test-flaky'`);
  assert.equal(byQueue['test-flaky'].failed, expected.failed);
  assert.equal(byQueue['test-flaky'].total, expected.total);
  assert.ok((byQueue['test-flaky-dead'].created as number) >= 1, 'the failed job was dead-lettered');
  assert.ok((byQueue['test-effect'].created as number) >= 1);
});

test('staff read failed jobs with the error they failed with', async () => {
  const response = await rpc('failed_jobs', { queue_name: 'test-flaky' }, admin);
  assert.equal(response.status, 200);
  const failed = (await response.json()) as Array<Record<string, any>>;
  const job = failed.find((j) => j.id === failedId);
  assert.ok(job, JSON.stringify(failed));
  assert.equal(job.queue, 'test-flaky');
  assert.deepEqual(job.payload, { key: 'queue-state' });
  assert.equal(job.error.message, 'test-flaky always fails (attempt 1)');
  assert.equal(job.retry_count, 0);
});

test('staff retry a failed job, and cancel a waiting one', async () => {
  let response = await rpc('retry_job', { job_id: failedId }, staff);
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), [{ id: failedId, queue: 'test-flaky', state: 'retry' }]);
  const [retried] = await sql(`select state, retry_limit, start_after <= now() as due from pgboss.job where id = $1`, [failedId]);
  assert.deepEqual(retried, { state: 'retry', retry_limit: 1, due: true });

  response = await rpc('retry_job', { job_id: failedId }, staff);
  assert.equal(response.status, 400);
  assert.equal(((await response.json()) as { message: string }).message, `job ${failedId} is retry, only a failed job can be retried`);

  response = await rpc('cancel_job', { job_id: waitingId }, staff);
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), [{ id: waitingId, queue: 'test-effect', state: 'cancelled' }]);
  response = await rpc('cancel_job', { job_id: waitingId }, staff);
  assert.equal(response.status, 400);
  assert.equal(((await response.json()) as { message: string }).message, `job ${waitingId} is already cancelled, it cannot be cancelled`);

  response = await rpc('cancel_job', { job_id: '00000000-0000-4000-8000-000000000000' }, staff);
  assert.equal(response.status, 400);
  assert.equal(((await response.json()) as { message: string }).message, 'no job with id 00000000-0000-4000-8000-000000000000');
});

test('an ordinary user is refused (403), whatever their user_metadata says, and changes nothing', async () => {
  for (const [name, body] of [['job_queue_counts', {}], ['failed_jobs', {}], ['retry_job', { job_id: failedId }], ['cancel_job', { job_id: failedId }]] as const) {
    const response = await rpc(name, body, user);
    assert.equal(response.status, 403, name);
    const error = (await response.json()) as { code: string; message: string };
    assert.equal(error.code, '42501');
    assert.equal(error.message, 'only staff can see or act on job queues');
  }
  assert.equal((await sql(`select state from pgboss.job where id = $1`, [failedId]))[0].state, 'retry');
});

test('an anonymous caller is refused (401) and changes nothing', async () => {
  for (const [name, body] of [['job_queue_counts', {}], ['failed_jobs', {}], ['retry_job', { job_id: failedId }], ['cancel_job', { job_id: failedId }]] as const) {
    const response = await rpc(name, body);
    assert.equal(response.status, 401, name);
    const error = (await response.json()) as { code: string; message: string };
    assert.equal(error.code, '42501');
    assert.match(error.message, /^permission denied for function (job_queue_counts|failed_jobs|retry_job|cancel_job)$/);
  }
  assert.equal((await sql(`select state from pgboss.job where id = $1`, [failedId]))[0].state, 'retry');
});

test('pg-boss tables are out of the API roles\' reach', async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    for (const role of ['anon', 'authenticated']) {
      await client.query('begin');
      await client.query(`set local role ${role}`);
      await assert.rejects(client.query(`select count(*) from pgboss.job`), { message: 'permission denied for schema pgboss' });
      await client.query('rollback');
    }
  } finally {
    await client.end();
  }
});
