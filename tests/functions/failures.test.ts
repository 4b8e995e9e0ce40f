// A function that throws, crashes, cannot start or does not exist answers the platform's error,
// and never takes the gateway or other functions down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FUNCTIONS_URL, anonClient } from '../helpers/env.ts';

async function expectPlatformError(path: string, status: number, code: string, message: string) {
  const response = await fetch(`${FUNCTIONS_URL}${path}`);
  assert.equal(response.status, status, `${path}: status`);
  assert.equal(response.headers.get('sb-error-code'), code);
  assert.deepEqual(await response.json(), { code, message });
}

async function expectOthersStillServed() {
  const response = await fetch(`${FUNCTIONS_URL}/echo/still-here`);
  assert.equal(response.status, 200);
  assert.equal((await response.json()).pathname, '/echo/still-here');
  const api = await fetch(`${FUNCTIONS_URL.replace('/functions/v1', '/auth/v1')}/health`);
  assert.notEqual(api.status, 0);
  await api.body?.cancel();
}

test('a handler that throws: 500 "Internal Server Error" tagged EDGE_FUNCTION_ERROR', async () => {
  for (let i = 0; i < 2; i++) {
    const response = await fetch(`${FUNCTIONS_URL}/throws`);
    assert.equal(response.status, 500);
    assert.equal(response.headers.get('sb-error-code'), 'EDGE_FUNCTION_ERROR');
    assert.equal(await response.text(), 'Internal Server Error');
  }
  await expectOthersStillServed();
});

test('supabase-js reports a thrown error as FunctionsHttpError with status 500', async () => {
  const { data, error } = await anonClient().functions.invoke('throws');
  assert.equal(data, null);
  assert.equal(error?.name, 'FunctionsHttpError');
  assert.equal(error.context.status, 500);
});

test('code that throws while the module starts: 500 WORKER_ERROR', async () => {
  await expectPlatformError('/top-level-throw', 500, 'WORKER_ERROR', 'Function exited due to an error (please check logs)');
  await expectOthersStillServed();
});

test('a worker that dies during a request (uncaught error outside the handler): 500 WORKER_ERROR, then a fresh worker', async () => {
  await expectPlatformError('/crash', 500, 'WORKER_ERROR', 'Function exited due to an error (please check logs)');
  await expectPlatformError('/crash', 500, 'WORKER_ERROR', 'Function exited due to an error (please check logs)');
  await expectOthersStillServed();
});

test('a syntax error: 503 BOOT_ERROR, every time, without harm to others', async () => {
  await expectPlatformError('/syntax-error', 503, 'BOOT_ERROR', 'Function failed to start (please check logs)');
  await expectPlatformError('/syntax-error', 503, 'BOOT_ERROR', 'Function failed to start (please check logs)');
  await expectOthersStillServed();
});

test('a configured entrypoint that does not exist: 503 BOOT_ERROR', async () => {
  await expectPlatformError('/missing-entrypoint', 503, 'BOOT_ERROR', 'Function failed to start (please check logs)');
  await expectOthersStillServed();
});

test('unknown, disabled, internal (_shared) or missing function names: 404 NOT_FOUND', async () => {
  for (const path of ['/no-such-function', '/disabled', '/_shared', '/', '', '/Echo%20x']) {
    await expectPlatformError(path, 404, 'NOT_FOUND', 'Requested function was not found');
  }
});

test('an `export default { fetch }` entrypoint is served', async () => {
  const response = await fetch(`${FUNCTIONS_URL}/default-export/a?b=1`);
  assert.deepEqual(await response.json(), { style: 'export default', pathname: '/default-export/a' });
});
