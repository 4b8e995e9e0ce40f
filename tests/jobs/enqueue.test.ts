// Enqueuing from SQL and from TypeScript: a job exists only if the caller's transaction commits,
// runs once when it does, and a payload the queue refuses is refused before anything is written.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL, sql } from '../helpers/env.ts';
import { enqueueTest, startTestWorker, waitFor, type TestWorker } from '../helpers/worker.ts';
import { enqueue } from '../../jobs/registry.ts';

let worker: TestWorker;
let client: pg.Client;
before(async () => {
  worker = await startTestWorker({ JOBS_WORK: 'test-effect' });
  client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
});
// A test that failed inside a transaction must not leave the next one in it.
beforeEach(() => client.query('rollback').then(() => undefined));
after(async () => {
  await client?.end();
  await worker?.stop();
});

const effects = async (key: string) => (await sql<{ n: number }>(`select count(*)::int n from jobs_fixture.effects where key = $1`, [key]))[0].n;
const attempts = async (key: string) => (await sql<{ n: number }>(`select count(*)::int n from jobs_fixture.attempts where key = $1`, [key]))[0].n;
const jobsWithKey = async (key: string) => (await sql<{ n: number }>(`select count(*)::int n from pgboss.job where data ->> 'key' = $1`, [key]))[0].n;

test('a job enqueued from SQL in a rolled-back transaction never exists nor runs', async () => {
  await client.query('begin');
  const { rows } = await client.query(`select app.enqueue_job('test-effect', '{"key": "sql-rolled-back"}') as id`);
  assert.match(rows[0].id, /^[0-9a-f-]{36}$/);
  await client.query('rollback');

  // A job committed after it runs: by then the worker has polled past the rolled-back one.
  await client.query('begin');
  await client.query(`select app.enqueue_job('test-effect', '{"key": "sql-committed-after"}')`);
  await client.query('commit');
  await waitFor('the committed job to run', async () => (await effects('sql-committed-after')) === 1);

  assert.equal(await jobsWithKey('sql-rolled-back'), 0);
  assert.equal(await attempts('sql-rolled-back'), 0);
  assert.equal(await effects('sql-rolled-back'), 0);
});

test('a job enqueued from SQL in a committed transaction runs once', async () => {
  await client.query('begin');
  const { rows } = await client.query(`select app.enqueue_job('test-effect', '{"key": "sql-committed"}') as id`);
  await client.query('commit');
  const id = rows[0].id as string;

  await waitFor('the job to complete', async () => (await sql(`select 1 from pgboss.job where id = $1 and state = 'completed'`, [id])).length === 1);
  assert.equal(await attempts('sql-committed'), 1);
  assert.equal(await effects('sql-committed'), 1);
  const [effect] = await sql(`select idempotency_key from jobs_fixture.effects where key = 'sql-committed'`);
  assert.equal(effect.idempotency_key, id);
});

test('enqueue() from TypeScript joins the transaction of the client it is given', async () => {
  await client.query('begin');
  await enqueueTest(client, 'test-effect', { key: 'ts-rolled-back' });
  await client.query('rollback');
  await client.query('begin');
  const id = await enqueueTest(client, 'test-effect', { key: 'ts-committed' });
  await client.query('commit');
  assert.ok(id);
  await waitFor('the committed job to run', async () => (await effects('ts-committed')) === 1);
  assert.equal(await jobsWithKey('ts-rolled-back'), 0);
  assert.equal(await effects('ts-rolled-back'), 0);
});

test('a payload the queue refuses is rejected with every problem named, and nothing is written', async () => {
  const before = (await sql(`select count(*)::int n from pgboss.job where name = 'send-email'`))[0].n;
  await assert.rejects(
    enqueue(client, 'send-email', { to: 'not-an-address', locale: 'de', template: 'magic-link', data: { Token: '123456' } } as never),
    {
      name: 'InvalidPayloadError',
      message:
        'invalid payload for queue "send-email": to: Invalid email address; locale: Invalid option: expected one of "fr"|"en"; ' +
        'data.ConfirmationURL: Invalid input: expected string, received undefined; data.SiteURL: Invalid input: expected string, received undefined; ' +
        'data.Email: Invalid input: expected string, received undefined',
    },
  );
  await assert.rejects(enqueueTest(client, 'test-effect', { key: '' }), {
    message: 'invalid payload for queue "test-effect": key: Too small: expected string to have >=1 characters',
  });
  assert.equal((await sql(`select count(*)::int n from pgboss.job where name = 'send-email'`))[0].n, before);
});

test('SQL refuses an unknown queue, an unknown option and a payload that is not an object', async () => {
  await assert.rejects(sql(`select app.enqueue_job('no-such-queue', '{}')`), { message: 'unknown job queue "no-such-queue"' });
  await assert.rejects(sql(`select app.enqueue_job('test-effect', '{"key": "x"}', '{"retries": 3}')`), { message: 'unknown job option(s): retries' });
  await assert.rejects(sql(`select app.enqueue_job('test-effect', '[1, 2]')`), { message: 'job payload for "test-effect" must be a JSON object' });
});

test('API roles cannot call app.enqueue_job: only the database owner and the service role', async () => {
  for (const role of ['anon', 'authenticated']) {
    await client.query('begin');
    await client.query(`set local role ${role}`);
    await assert.rejects(client.query(`select app.enqueue_job('test-effect', '{"key": "by-${role}"}')`), {
      message: 'permission denied for function enqueue_job',
    });
    await client.query('rollback');
  }
});

test('a throttled job (singletonSeconds + singletonKey) is enqueued once per window', async () => {
  // One transaction, so both calls see the same now() and fall in the same window.
  await client.query('begin');
  const first = await enqueueTest(client, 'test-effect', { key: 'throttled' }, { singletonKey: 'same', singletonSeconds: 60, startAfter: 3600 });
  const second = await enqueueTest(client, 'test-effect', { key: 'throttled' }, { singletonKey: 'same', singletonSeconds: 60, startAfter: 3600 });
  await client.query('commit');
  assert.ok(first);
  assert.equal(second, null);
  await sql(`delete from pgboss.job where id = $1`, [first]);
});
