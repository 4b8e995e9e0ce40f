// Functions are picked up as they are written, without restarting the stack: a new function, a
// change to its code or to a module it imports, a syntax error and its fix, a removed function.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANON_KEY, FUNCTIONS_URL, scratchFunctionsDir } from '../helpers/env.ts';

const dir = join(scratchFunctionsDir(), 'reload-me');
const lib = join(scratchFunctionsDir(), '_lib');
after(() => rmSync(dir, { recursive: true, force: true }));

const call = () => fetch(`${FUNCTIONS_URL}/reload-me`, { headers: { Authorization: `Bearer ${ANON_KEY}` } });

/** Polls until the function answers `expected` (status and text), for up to 5 s. */
async function eventually(status: number, expected: string) {
  let last = '';
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const response = await call();
    last = `${response.status} ${await response.text()}`;
    if (last === `${status} ${expected}`) return;
  }
  assert.equal(last, `${status} ${expected}`);
}

function writeFunction(code: string) {
  writeFileSync(join(dir, 'index.ts'), code);
}

test('a function created while the stack runs is served', async () => {
  mkdirSync(dir, { recursive: true });
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, 'greeting.ts'), "export const greeting = 'hello';\n");
  writeFunction("import { greeting } from '../_lib/greeting.ts';\nDeno.serve(() => new Response(`v1 ${greeting}`));\n");
  await eventually(200, 'v1 hello');
});

test('a change to its code is served without a restart', async () => {
  writeFunction("import { greeting } from '../_lib/greeting.ts';\nDeno.serve(() => new Response(`v2 ${greeting}`));\n");
  await eventually(200, 'v2 hello');
});

test('a change to a module it imports is served too', async () => {
  writeFileSync(join(lib, 'greeting.ts'), "export const greeting = 'bonjour';\n");
  await eventually(200, 'v2 bonjour');
});

test('a syntax error answers 503 BOOT_ERROR until it is fixed', async () => {
  writeFunction("Deno.serve(() => new Response('broken' ;\n");
  await eventually(503, JSON.stringify({ code: 'BOOT_ERROR', message: 'Function failed to start (please check logs)' }));
  writeFunction("Deno.serve(() => new Response('v3 fixed'));\n");
  await eventually(200, 'v3 fixed');
});

test('a removed function answers 404', async () => {
  rmSync(dir, { recursive: true, force: true });
  await eventually(404, JSON.stringify({ code: 'NOT_FOUND', message: 'Requested function was not found' }));
});
