// The platform's limits, set small by the test runner (request idle timeout 2 s, wall clock 8 s):
// a function that does not answer gets 504 IDLE_TIMEOUT, a worker stuck in a loop is replaced, a
// response still streaming at the wall clock limit is cut, and one over its memory gets 546.
// Meanwhile other functions keep answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FUNCTIONS_URL } from '../helpers/env.ts';

const IDLE_TIMEOUT_MS = 2_000;

async function echoAnswersQuickly() {
  const started = Date.now();
  const response = await fetch(`${FUNCTIONS_URL}/echo/alive`);
  assert.equal(response.status, 200);
  await response.body?.cancel();
  assert.ok(Date.now() - started < 1_500, 'echo answered well within the idle timeout');
}

async function bootId(name: string): Promise<string | undefined> {
  const response = await fetch(`${FUNCTIONS_URL}/${name}/boot`);
  if (response.status !== 200) {
    await response.body?.cancel();
    return undefined;
  }
  return (await response.json()).boot;
}

test('a function that never answers: 504 IDLE_TIMEOUT after the idle timeout, others unaffected', async () => {
  assert.ok(await bootId('hang'), 'hang is up');
  const started = Date.now();
  const pending = fetch(`${FUNCTIONS_URL}/hang`);
  await echoAnswersQuickly();
  const response = await pending;
  const elapsed = Date.now() - started;
  assert.equal(response.status, 504);
  assert.equal(response.headers.get('sb-error-code'), 'IDLE_TIMEOUT');
  assert.deepEqual(await response.json(), { code: 'IDLE_TIMEOUT', message: 'Request idle timeout limit (2s) reached' });
  assert.ok(elapsed >= IDLE_TIMEOUT_MS - 100 && elapsed < IDLE_TIMEOUT_MS + 2_000, `answered after ${elapsed} ms`);
});

test('a worker stuck in a busy loop answers 504, then is killed and replaced by a fresh one', async () => {
  const first = await bootId('spin');
  assert.ok(first);
  const response = await fetch(`${FUNCTIONS_URL}/spin`);
  assert.equal(response.status, 504);
  await response.body?.cancel();
  await echoAnswersQuickly();
  let next: string | undefined;
  const deadline = Date.now() + 15_000;
  while (!next && Date.now() < deadline) next = await bootId('spin');
  assert.ok(next, 'spin answers again');
  assert.notEqual(next, first, 'from a new worker');
});

test('a response still streaming at the wall clock limit is cut, and the function serves again', async () => {
  const started = Date.now();
  const response = await fetch(`${FUNCTIONS_URL}/endless`);
  assert.equal(response.status, 200);
  const reader = response.body!.getReader();
  let ticks = 0;
  let cut = false;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) ticks += new TextDecoder().decode(next.value).split('tick').length - 1;
  } catch {
    cut = true;
  }
  const elapsed = Date.now() - started;
  assert.ok(cut, 'the stream ends with an error, not a clean end');
  assert.ok(ticks >= 10, `received ${ticks} chunks first`);
  assert.ok(elapsed > 5_000 && elapsed < 14_000, `cut after ${elapsed} ms (wall clock 8 s)`);
  await echoAnswersQuickly();
  const again = await fetch(`${FUNCTIONS_URL}/endless`);
  assert.equal(again.status, 200);
  await again.body?.cancel();
});

test('a function over its memory limit: 546 WORKER_RESOURCE_LIMIT', async () => {
  const response = await fetch(`${FUNCTIONS_URL}/memory-hog`);
  assert.equal(response.status, 546);
  assert.equal(response.headers.get('sb-error-code'), 'WORKER_RESOURCE_LIMIT');
  assert.deepEqual(await response.json(), {
    code: 'WORKER_RESOURCE_LIMIT',
    message: 'Function failed due to not having enough compute resources (please check logs)',
  });
  await echoAnswersQuickly();
});
