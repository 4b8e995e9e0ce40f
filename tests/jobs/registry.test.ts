// The registry: queues declared once, created with their options and cron schedules by the worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { sql } from '../helpers/env.ts';
import { startTestWorker } from '../helpers/worker.ts';
import { createEnqueue } from '../../jobs/enqueue.ts';
import { defineQueue } from '../../jobs/queue.ts';
import { startWorker } from '../../jobs/worker.ts';
import { DATABASE_URL } from '../helpers/env.ts';

const options = { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 10 };

test('the worker schedules the cron queues of its registry', async () => {
  const worker = await startTestWorker({ JOBS_WORK: 'test-cron' });
  await worker.stop();
  const rows = await sql(`select name, cron, timezone, data from pgboss.schedule where name in ('test-cron', 'prune-email-deliveries') order by name`);
  assert.deepEqual(rows, [
    { name: 'prune-email-deliveries', cron: '17 3 * * *', timezone: 'Europe/Paris', data: { olderThanDays: 90 } },
    { name: 'test-cron', cron: '*/5 * * * *', timezone: 'UTC', data: { note: 'every five minutes' } },
  ]);
});

test('a registry refuses a queue declared twice or a dead-letter queue that is not declared', async () => {
  const a = defineQueue({ name: 'a', schema: z.object({}), options });
  assert.throws(() => createEnqueue([a, a]), { message: 'queue "a" is declared twice' });
  const b = defineQueue({ name: 'b', schema: z.object({}), options: { ...options, deadLetter: 'b-dead' } });
  assert.throws(() => createEnqueue([b]), { message: 'queue "b" dead-letters to "b-dead", which is not declared' });
  await assert.rejects(startWorker({ databaseUrl: DATABASE_URL, queues: [b] }), { message: 'queue "b" dead-letters to "b-dead", which is not declared' });
});

test('the worker refuses to work a queue it does not know', async () => {
  const a = defineQueue({ name: 'registry-known', schema: z.object({}), options, handler: async () => {} });
  await assert.rejects(startWorker({ databaseUrl: DATABASE_URL, queues: [a], work: ['registry-unknown'], log: () => {} }), {
    message: 'unknown queue "registry-unknown" in work list',
  });
});
