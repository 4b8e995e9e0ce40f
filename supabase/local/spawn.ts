// Runs `npm start`'s entry point as a child process, as a user would, and waits until it is up.
// Used by tests that start and stop Comptoir, and by benchmarks that keep the server apart from the load.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const START = fileURLToPath(new URL('./start.ts', import.meta.url));

export interface StartedComptoir {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export async function startComptoir(env: Record<string, string>): Promise<StartedComptoir> {
  const child = spawn(process.execPath, ['--import', 'tsx', START], {
    env: { ...process.env, DATABASE_URL: '', COMPTOIR_MAILBOX_PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Comptoir did not start in 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Comptoir exited during start-up:\n${output}`));
    });
  });
  return { child, output: () => output, exited };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
