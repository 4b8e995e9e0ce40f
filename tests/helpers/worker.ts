// Starts the test worker (tests/fixtures/jobs/worker.ts) as a real process against the test stack,
// and polls for what it leaves behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createEnqueue } from '../../jobs/enqueue.ts';
import { productQueues } from '../../jobs/registry.ts';
import { testQueues } from '../fixtures/jobs/queues.ts';
import { DATABASE_URL } from './env.ts';

const WORKER = fileURLToPath(new URL('../fixtures/jobs/worker.ts', import.meta.url));

/** enqueue() over the product's and the test queues. */
export const enqueueTest = createEnqueue([...productQueues, ...testQueues]);

export interface TestWorker {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

export async function startTestWorker(env: Record<string, string>): Promise<TestWorker> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: { ...process.env, DATABASE_URL, JOBS_POLL_SECONDS: '0.5', JOBS_MAINTENANCE_SECONDS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not start in 30 s:\n${output}`)), 30_000);
    child.stdout!.on('data', () => output.includes('worker ready') && (clearTimeout(timer), resolve()));
    exited.then(() => (clearTimeout(timer), reject(new Error(`the worker exited during start-up:\n${output}`))));
  });
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Polls `check` until it returns a truthy value, or fails after `timeoutMs` with `what`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
