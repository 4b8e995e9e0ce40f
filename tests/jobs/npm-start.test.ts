// `npm start` runs the jobs worker with the stack: a job enqueued from SQL is worked (an e-mail
// reaches the stack's mailbox), and SIGTERM stops the worker before the stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startComptoir } from '../../supabase/local/spawn.ts';
import { waitFor } from '../helpers/worker.ts';

test('npm start runs the worker against its database and mailbox, and stops it first', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-start-jobs-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const [apiPort, dbPort, mailboxPort] = [await freePort(), await freePort(), await freePort()];
  const running = await startComptoir({
    COMPTOIR_DATA_DIR: dataDir, COMPTOIR_API_PORT: String(apiPort), COMPTOIR_DB_PORT: String(dbPort), COMPTOIR_MAILBOX_PORT: String(mailboxPort),
  });
  t.after(() => running.child.kill('SIGKILL'));
  const mailbox = `http://127.0.0.1:${mailboxPort}`;
  assert.match(running.output(), new RegExp(`Mailbox URL: ${mailbox.replace(/\./g, '\\.')}\\n`));
  await waitFor('the worker', async () => running.output().includes('[jobs] worker ready: send-email×4, prune-email-deliveries×1, refresh-customer-stats×1'));

  const db = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres` });
  await db.connect();
  await db.query(`select app.enqueue_job('send-email', $1)`, [
    { to: 'started@example.com', locale: 'fr', template: 'one-time-code', data: { Token: '999000', SiteURL: 'http://127.0.0.1:3000', Email: 'started@example.com' } },
  ]);
  await db.end();
  const [message] = await waitFor('the e-mail in the mailbox', async () => {
    const list = (await (await fetch(`${mailbox}/api/v1/messages?to=started@example.com`)).json()) as Array<{ subject: string }>;
    return list.length > 0 && list;
  });
  assert.equal(message.subject, 'Votre code de connexion : 999000');

  running.child.kill('SIGTERM');
  assert.equal(await running.exited, 0);
  const output = running.output();
  assert.ok(output.indexOf('[jobs] worker stopped') < output.indexOf('Stopped.'), output);
  assert.ok(output.indexOf('[jobs] worker stopped') > 0, output);
});
