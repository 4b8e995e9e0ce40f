// Runs a worker as a process: settings from the environment, a graceful stop on SIGTERM/SIGINT.
// `npm run worker` (jobs/main.ts) runs it with the product's queues; tests run it with theirs too.
//
//   DATABASE_URL               Postgres to work against (default: the local stack's)
//   JOBS_WORK                  comma-separated queues to work (default: all with a handler)
//   JOBS_POLL_SECONDS          idle polling interval (default 1)
//   JOBS_MAINTENANCE_SECONDS   how often stuck jobs are expired (default 60)
//   JOBS_STOP_TIMEOUT_SECONDS  how long in-flight jobs may finish after SIGTERM (default 25)
import { startWorker } from './worker.ts';
import type { AnyQueue } from './queue.ts';

const LOCAL_DATABASE_URL = 'postgresql://postgres:postgres@127.0.0.1:54322/postgres';

export async function runWorkerProcess(queues: readonly AnyQueue[]): Promise<void> {
  const env = process.env;
  const seconds = (name: string) => (env[name] ? Number(env[name]) : undefined);
  let worker;
  try {
    worker = await startWorker({
      databaseUrl: env.DATABASE_URL || LOCAL_DATABASE_URL,
      queues,
      work: env.JOBS_WORK ? env.JOBS_WORK.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
      pollingIntervalSeconds: seconds('JOBS_POLL_SECONDS'),
      maintenanceIntervalSeconds: seconds('JOBS_MAINTENANCE_SECONDS'),
      stopTimeoutSeconds: seconds('JOBS_STOP_TIMEOUT_SECONDS'),
    });
  } catch (error) {
    console.error(`[jobs] the worker did not start: ${(error as Error).message}`);
    process.exit(1);
  }
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[jobs] ${why}: letting in-flight jobs finish…`);
    await worker.stop();
    console.log('[jobs] worker stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
  // Started by `npm start` (jobs/child.ts): stop when it goes away, even if it was killed.
  if (process.connected) process.on('disconnect', () => void stop('npm start went away'));
}
