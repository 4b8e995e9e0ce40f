// Runs `npm run worker`'s entry point as a child process of `npm start`, against the stack's
// database and mailbox. Its output goes to the parent's; stop() sends SIGTERM and waits for the
// worker to let its in-flight jobs finish. An IPC channel ties it to the parent: if `npm start`
// dies without stopping it (SIGKILL), the channel closes and the worker stops by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

export interface WorkerChild {
  child: ChildProcess;
  stop(): Promise<void>;
}

export function spawnWorker(env: { DATABASE_URL: string; COMPTOIR_MAILBOX_URL: string }, log: (line: string) => void): WorkerChild {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      if (!stopping) log(`[jobs] the worker exited (${signal ?? `code ${code}`}); jobs wait until it runs again (npm run worker)`);
      resolve();
    }),
  );
  let stopping = false;
  return {
    child,
    async stop() {
      stopping = true;
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}
