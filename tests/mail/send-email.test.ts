// E-mail through the `send-email` job, run by a real worker process: rendered from MJML in French
// and English, delivered to the local mailbox (or SMTP, or an e-mail API) once, retried when the
// transport fails. The test stack's own worker delivers to its mailbox; the SMTP and API tests run a
// worker of their own on a scratch database, where the stack's worker cannot take their jobs.
import { test, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL, sql } from '../helpers/env.ts';
import { createMigratedDatabase } from '../helpers/database.ts';
import { inbox, readMail } from '../helpers/mailbox.ts';
import { startTestWorker, waitFor, type TestWorker } from '../helpers/worker.ts';
import { enqueueEmail } from '../../jobs/mail/index.ts';
import { startFakeSmtp } from '../fixtures/mail/fake-smtp.ts';
import { startFakeMailApi } from '../fixtures/mail/fake-mail-api.ts';

const db = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
after(() => db.end());

const magicLink = (to: string) => ({
  ConfirmationURL: `http://127.0.0.1:54321/auth/v1/verify?token=pkce_abc&type=magiclink&redirect_to=${encodeURIComponent('http://127.0.0.1:3000/')}`,
  Token: '482913',
  TokenHash: 'pkce_abc',
  SiteURL: 'http://127.0.0.1:3000',
  Email: to,
});

async function jobDone(id: string, query: typeof sql = sql): Promise<void> {
  await waitFor(`job ${id} to complete`, async () => (await query(`select 1 from pgboss.job where id = $1 and state = 'completed'`, [id])).length === 1, 30_000);
}

/** A scratch database and a worker on it with these transport settings; both go when the test ends. */
async function isolatedWorker(t: TestContext, env: Record<string, string>) {
  const scratch = await createMigratedDatabase('send_email');
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  const worker: TestWorker = await startTestWorker({ JOBS_WORK: 'send-email', DATABASE_URL: scratch.url, ...env });
  t.after(async () => {
    await worker.stop();
    await pool.end();
    await scratch.drop();
  });
  const query: typeof sql = async (text, values = []) => (await pool.query(text, values)).rows;
  return { pool, query };
}

test('an e-mail enqueued in French lands in the mailbox with its HTML and text parts', async () => {
  const to = `fr-${Date.now()}@example.com`;
  const id = await enqueueEmail(db, { to, template: 'magic-link', locale: 'fr', data: magicLink(to) });
  assert.ok(id);
  const [summary] = await waitFor('the message', async () => (await inbox(to)).length === 1 && inbox(to));
  const message = await readMail(summary.id);

  assert.equal(message.subject, 'Votre lien de connexion');
  assert.equal(message.from, 'Comptoir <no-reply@comptoir.local>');
  assert.deepEqual(message.to, [to]);
  assert.equal(message.id, id, 'the job id is the dedupe key');
  assert.equal(
    message.text,
    `Connexion à Comptoir\n\nCliquez sur le bouton pour vous connecter en tant que ${to} :\n\n` +
      `Me connecter : ${magicLink(to).ConfirmationURL}\n\nOu saisissez ce code : 482913\n\n` +
      'Si vous n’êtes pas à l’origine de cette demande, ignorez simplement cet e-mail.\n',
  );
  assert.match(message.html, /<html lang="fr"/);
  assert.match(message.html, /Me connecter/);
  assert.match(message.html, />\s*482913\s*</);
  assert.ok(message.links.includes(magicLink(to).ConfirmationURL), message.links.join('\n'));
  await jobDone(id);
  const [delivery] = await sql(`select recipient, template, locale, transport, status, attempts, provider_message_id from public.email_deliveries where dedupe_key = $1`, [id]);
  assert.deepEqual(delivery, { recipient: to, template: 'magic-link', locale: 'fr', transport: 'mailbox', status: 'sent', attempts: 1, provider_message_id: id });
});

test('the same e-mail in English; two jobs with one dedupe key deliver one message', async () => {
  const to = `en-${Date.now()}@example.com`;
  const email = {
    to, template: 'recovery' as const, locale: 'en' as const, dedupeKey: `recovery-${to}`,
    data: { ConfirmationURL: 'http://127.0.0.1:54321/auth/v1/verify?token=h1&type=recovery', Token: '777111', SiteURL: 'http://127.0.0.1:3000', Email: to },
  };
  const first = (await enqueueEmail(db, email))!;
  const second = (await enqueueEmail(db, email))!;
  await jobDone(first);
  await jobDone(second);
  const list = await inbox(to);
  assert.equal(list.length, 1);
  const message = await readMail(list[0].id);
  assert.equal(message.subject, 'Reset your password');
  assert.match(message.text, /^Reset your password\n\nSomeone asked to change the password of en-\d+@example\.com\. To choose a new one:\n\nChoose a new password: http:\/\/127\.0\.0\.1:54321\/auth\/v1\/verify\?token=h1&type=recovery\n\nOr enter this code: 777111\n/);
  assert.match(message.html, /<html lang="en"/);
  assert.deepEqual(message.links, ['http://127.0.0.1:54321/auth/v1/verify?token=h1&type=recovery']);
  const [delivery] = await sql(`select status, attempts from public.email_deliveries where dedupe_key = $1`, [email.dedupeKey]);
  assert.deepEqual(delivery, { status: 'sent', attempts: 1 });
  const outputs = await sql(`select output from pgboss.job where id = any($1) order by completed_on`, [[first, second]]);
  assert.deepEqual(outputs.map((o) => o.output.status).sort(), ['already-sent', 'sent'], 'the later job found it sent and did not send again');
});

test('an SMTP relay that refuses the first attempt: the job retries and the message is delivered once', async (t) => {
  const smtp = await startFakeSmtp();
  t.after(() => smtp.close());
  smtp.failNext(1);
  const { pool, query } = await isolatedWorker(t, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'Boutique <shop@boutique.example>' });
  const to = `smtp-${Date.now()}@example.com`;
  const id = (await enqueueEmail(pool, { to, template: 'one-time-code', locale: 'en', data: { Token: '314159', SiteURL: 'http://127.0.0.1:3000', Email: to } }, { retryDelay: 1 }))!;
  await jobDone(id, query);

  assert.equal(smtp.refused, 1);
  assert.equal(smtp.received.length, 1);
  const [mail] = smtp.received;
  assert.equal(mail.from, 'shop@boutique.example');
  assert.deepEqual(mail.to, [to]);
  assert.match(mail.data, /^Subject: Your sign-in code: 314159\r$/m);
  assert.match(mail.data, new RegExp(`^Message-ID: <${id}@boutique\\.example>\\r$`, 'm'));
  assert.match(mail.data, /Content-Type: text\/plain/);
  assert.match(mail.data, /Content-Type: text\/html/);
  const [job] = await query(`select retry_count from pgboss.job where id = $1`, [id]);
  assert.equal(job.retry_count, 1);
  const [delivery] = await query(`select transport, status, attempts, last_error from public.email_deliveries where dedupe_key = $1`, [id]);
  assert.deepEqual(delivery, { transport: 'smtp', status: 'sent', attempts: 2, last_error: null });
});

test('an e-mail API that fails once: retried with the same Idempotency-Key, delivered once', async (t) => {
  const fake = await startFakeMailApi();
  t.after(() => fake.close());
  fake.failNext(1);
  const { pool, query } = await isolatedWorker(t, { MAIL_API_URL: fake.url, MAIL_API_KEY: 're_test_key' });
  const to = `api-${Date.now()}@example.com`;
  const id = (await enqueueEmail(pool, { to, template: 'confirmation', locale: 'fr', data: { ...magicLink(to), Token: '100200' } }, { retryDelay: 1 }))!;
  await jobDone(id, query);

  assert.equal(fake.requests.length, 2);
  assert.deepEqual(fake.requests.map((r) => [r.authorization, r.idempotencyKey]), [['Bearer re_test_key', id], ['Bearer re_test_key', id]]);
  assert.equal(fake.delivered.size, 1);
  const { body } = fake.requests[1];
  assert.deepEqual(body.to, [to]);
  assert.equal(body.subject, 'Confirmez votre adresse e-mail');
  assert.match(body.text, /Ou saisissez ce code : 100200/);
  const [delivery] = await query(`select transport, status, provider_message_id from public.email_deliveries where dedupe_key = $1`, [id]);
  assert.deepEqual(delivery, { transport: 'api', status: 'sent', provider_message_id: 'msg_1' });
});
