// The local mailbox under the stack (COMPTOIR_MAILBOX_URL): its JSON API, its pages, one copy per
// id, and messages that survive a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailbox } from '../../supabase/local/mailbox/server.ts';

const MAILBOX = process.env.COMPTOIR_MAILBOX_URL!;
const to = `mailbox-${Date.now()}@example.com`;

function post(body: unknown, base = MAILBOX): Promise<Response> {
  return fetch(`${base}/api/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const message = (id: string, subject: string) => ({
  id,
  from: 'Comptoir <no-reply@comptoir.local>',
  to: [`Someone <${to}>`],
  subject,
  html: `<html><head><title>t</title></head><body><p>Hello <a href="https://shop.example/confirm?a=1&amp;b=2">confirm</a></p></body></html>`,
  text: 'Hello, open https://shop.example/confirm?a=1&b=2',
});

test('a posted message is listed by recipient, newest first, and read whole with its links', async () => {
  let response = await post(message('mbx-1', 'First'));
  assert.equal(response.status, 201);
  assert.deepEqual(await response.json(), { id: 'mbx-1', duplicate: false });
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal((await post(message('mbx-2', 'Second'))).status, 201);

  response = await fetch(`${MAILBOX}/api/v1/messages?to=${encodeURIComponent(to.toUpperCase())}`);
  assert.equal(response.status, 200);
  const list = (await response.json()) as Array<{ id: string; subject: string; snippet: string }>;
  assert.deepEqual(list.map((m) => [m.id, m.subject]), [['mbx-2', 'Second'], ['mbx-1', 'First']]);
  assert.equal(list[0].snippet, 'Hello, open https://shop.example/confirm?a=1&b=2');

  response = await fetch(`${MAILBOX}/api/v1/messages/mbx-1`);
  const full = (await response.json()) as Record<string, unknown>;
  assert.equal(full.subject, 'First');
  assert.deepEqual(full.to, [`Someone <${to}>`]);
  assert.equal(full.text, 'Hello, open https://shop.example/confirm?a=1&b=2');
  assert.match(full.html as string, /<a href="https:\/\/shop\.example\/confirm\?a=1&amp;b=2">/);
  assert.deepEqual(full.links, ['https://shop.example/confirm?a=1&b=2']);
});

test('a message posted again with the same id is kept once', async () => {
  const response = await post(message('mbx-1', 'First, again'));
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { id: 'mbx-1', duplicate: true });
  const full = (await (await fetch(`${MAILBOX}/api/v1/messages/mbx-1`)).json()) as { subject: string };
  assert.equal(full.subject, 'First');
});

test('a browser sees the list, the message, its HTML sandboxed with links opening a new tab, and its text with links', async () => {
  let page = await (await fetch(`${MAILBOX}/?to=${encodeURIComponent(to)}`)).text();
  assert.match(page, /<a href="\/messages\/mbx-2">Second<\/a>/);
  assert.match(page, /2 message\(s\)/);

  page = await (await fetch(`${MAILBOX}/messages/mbx-1`)).text();
  assert.match(page, /<iframe src="\/messages\/mbx-1\/html" sandbox="allow-popups allow-popups-to-escape-sandbox"/);

  const part = await fetch(`${MAILBOX}/messages/mbx-1/html`);
  assert.equal(part.headers.get('content-security-policy'), 'sandbox allow-popups allow-popups-to-escape-sandbox');
  assert.match(await part.text(), /<head><base target="_blank"><title>/);

  page = await (await fetch(`${MAILBOX}/messages/mbx-1?view=text`)).text();
  assert.match(page, /<pre>Hello, open <a href="https:\/\/shop\.example\/confirm\?a=1&amp;b=2" target="_blank" rel="noopener">/);
});

test('bad input gets a 400 that says what is wrong; unknown ids get a 404', async () => {
  let response = await post({ from: 'x', to: [], subject: 'No one' });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { code: 'invalid_data', message: 'to: Too small: expected array to have >=1 items' });
  response = await fetch(`${MAILBOX}/api/v1/messages`, { method: 'POST', body: 'not json' });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { code: 'invalid_data', message: 'the body must be a JSON message' });
  response = await fetch(`${MAILBOX}/api/v1/messages/nope`);
  assert.equal(response.status, 404);
  assert.deepEqual(await response.json(), { code: 'not_found', message: 'no message with id nope' });
});

test('DELETE removes one message, or every message to an address', async () => {
  let response = await fetch(`${MAILBOX}/api/v1/messages/mbx-1`, { method: 'DELETE' });
  assert.equal(response.status, 204);
  assert.equal((await fetch(`${MAILBOX}/api/v1/messages/mbx-1`)).status, 404);
  response = await fetch(`${MAILBOX}/api/v1/messages?to=${encodeURIComponent(to)}`, { method: 'DELETE' });
  assert.equal(response.status, 204);
  assert.deepEqual(await (await fetch(`${MAILBOX}/api/v1/messages?to=${encodeURIComponent(to)}`)).json(), []);
});

test('messages survive a restart of the mailbox', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-mailbox-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const first = await startMailbox({ dir, port: 0, log: () => {} });
  assert.equal((await post(message('kept', 'Kept'), first.url)).status, 201);
  await first.close();
  const second = await startMailbox({ dir, port: 0, log: () => {} });
  t.after(() => second.close());
  const list = (await (await fetch(`${second.url}/api/v1/messages`)).json()) as Array<{ id: string }>;
  assert.deepEqual(list.map((m) => m.id), ['kept']);
});
