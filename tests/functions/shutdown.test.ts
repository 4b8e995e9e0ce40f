// Workers never outlive the stack: close() kills them, and if the server process dies without
// closing (SIGKILL), each worker notices its parent is gone and exits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serveFunctions } from './serve-functions.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function workerPid(url: string): Promise<number> {
  const response = await fetch(`${url}/echo`);
  assert.equal(response.status, 200);
  return (await response.json()).pid;
}

test('close() kills the workers and waits for them', async () => {
  const { url, service, server } = await serveFunctions();
  const pid = await workerPid(url);
  assert.ok(alive(pid));
  await service.close();
  assert.equal(alive(pid), false, 'worker gone once close() resolves');
  server.close();
});

test('a worker exits by itself when the server process is killed outright', async () => {
  const host = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./serve-functions.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    host.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const match = /listening (\S+)/.exec(chunk);
      if (match) resolve(match[1]);
    });
    host.once('exit', () => reject(new Error('host exited')));
  });
  const pid = await workerPid(url);
  host.kill('SIGKILL');
  const deadline = Date.now() + 5_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(alive(pid), false, 'orphaned worker exited');
});
