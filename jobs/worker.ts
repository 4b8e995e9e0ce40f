// The worker: pg-boss owns the job tables and their state machine (fetch, complete, fail with
// retries and backoff, expiry, dead letters, cron); this file owns how many jobs of each queue run
// at once and how they stop. pg-boss's own work() sleeps a full polling interval after every
// batch even when more jobs wait, and completes a batch all at once; here each job is completed or
// failed on its own, and a queue with work is fetched from again as soon as a slot frees.
import PgBoss from 'pg-boss';
import pg from 'pg';
import { indexQueues, parsePayload, type AnyQueue } from './queue.ts';

export interface WorkerOptions {
  databaseUrl: string;
  queues: readonly AnyQueue[];
  /** Names of the queues to work (default: every queue with a handler). Others are only created. */
  work?: string[];
  pollingIntervalSeconds?: number;
  /** How often pg-boss expires stuck jobs, archives and runs its clock (default 60 s). */
  maintenanceIntervalSeconds?: number;
  /** On stop, how long in-flight jobs may take to finish before they are failed back to retry. */
  stopTimeoutSeconds?: number;
  log?: (line: string) => void;
}

export interface Worker {
  /** Stops fetching, lets in-flight jobs finish (bounded), fails the rest back to retry, disconnects. */
  stop(): Promise<void>;
}

interface Fetched {
  id: string;
  name: string;
  data: unknown;
  expireInSeconds: number;
  retryCount: number;
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const log = options.log ?? ((line: string) => console.log(line));
  const queues = indexQueues(options.queues);
  const worked = (options.work ?? [...queues.keys()]).map((name) => queues.get(name) ?? fail(`unknown queue "${name}" in work list`)).filter((q) => q.handler);
  const pollMs = (options.pollingIntervalSeconds ?? 1) * 1000;
  const slots = worked.reduce((sum, q) => sum + (q.concurrency ?? 1), 0);
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: 'pgboss',
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    // Failed jobs stay where staff can see and retry them (public.failed_jobs) for two weeks.
    archiveFailedAfterSeconds: 14 * 24 * 3600,
    // One connection per job running at once, plus room for maintenance and the clock.
    max: slots + 3,
  });
  boss.on('error', (error: Error) => log(`[jobs] pg-boss: ${error.message}`));
  const handlerDb = new pg.Pool({ connectionString: options.databaseUrl, max: Math.max(1, slots) });
  handlerDb.on('error', (error) => log(`[jobs] handler pool: ${error.message}`));
  await boss.start();
  try {
    // Dead-letter queues first: a queue's dead_letter references one that exists.
    const ordered = [...queues.values()].sort((a, b) => Number(isDeadLetter(b)) - Number(isDeadLetter(a)));
    for (const queue of ordered) {
      await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
      await boss.updateQueue(queue.name, { name: queue.name, ...queue.options });
      if (queue.cron) await boss.schedule(queue.name, queue.cron.expression, queue.cron.payload as object, { tz: queue.cron.timezone ?? 'UTC' });
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    await handlerDb.end();
    throw error;
  }
  function isDeadLetter(queue: AnyQueue): boolean {
    return [...queues.values()].some((q) => q.options.deadLetter === queue.name);
  }

  let stopping = false;
  const sleepers = new Set<() => void>();
  const inFlight = new Map<string, Fetched>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  async function runOne(queue: AnyQueue, job: Fetched): Promise<void> {
    const started = performance.now();
    try {
      const payload = parsePayload(queue, job.data);
      const context = { id: job.id, queue: queue.name, retryCount: job.retryCount, idempotencyKey: job.id, db: handlerDb, log };
      const output = await withTimeout(queue.handler!(payload, context), job.expireInSeconds, queue.name);
      await boss.complete(queue.name, job.id, output === undefined ? undefined : (output as object));
    } catch (error) {
      const message = (error as Error).message;
      log(`[jobs] ${queue.name} ${job.id} attempt ${job.retryCount + 1} failed after ${Math.round(performance.now() - started)} ms: ${message}`);
      await boss.fail(queue.name, job.id, error as object).catch((e: Error) => log(`[jobs] could not record the failure: ${e.message}`));
    }
  }

  /**
   * One per worked queue: keeps up to `concurrency` jobs running. It fetches as many jobs as there
   * are free slots in one query, fetches again as soon as a slot frees while there is work, and
   * sleeps `pollingIntervalSeconds` when the queue is empty.
   */
  async function dispatch(queue: AnyQueue): Promise<void> {
    const size = queue.concurrency ?? 1;
    const running = new Set<Promise<void>>();
    while (!stopping) {
      if (running.size >= size) {
        await Promise.race(running);
        continue;
      }
      const jobs = (await boss.fetch(queue.name, { batchSize: size - running.size, includeMetadata: true })) as unknown as Fetched[];
      if (stopping) {
        // Fetched as the stop began: hand them straight back.
        for (const job of jobs) await boss.fail(queue.name, job.id, { message: 'worker stopped before the job started' });
        break;
      }
      if (jobs.length === 0) {
        await sleep(pollMs);
        continue;
      }
      for (const job of jobs) {
        inFlight.set(job.id, job);
        const run: Promise<void> = runOne(queue, job).finally(() => {
          inFlight.delete(job.id);
          running.delete(run);
        });
        running.add(run);
      }
    }
    await Promise.allSettled([...running]);
  }

  const loops = worked.map(dispatch);
  log(`[jobs] worker ready: ${worked.map((q) => `${q.name}×${q.concurrency ?? 1}`).join(', ') || 'no queues to work'}`);

  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      for (const wake of [...sleepers]) wake();
      const timeoutMs = (options.stopTimeoutSeconds ?? 25) * 1000;
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.allSettled(loops).then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      if (!finished) {
        for (const job of inFlight.values()) {
          log(`[jobs] ${job.name} ${job.id} did not finish within ${timeoutMs / 1000} s of the stop: failed back to retry`);
          await boss.fail(job.name, job.id, { message: 'worker stopped before the job finished' }).catch(() => {});
        }
      }
      await boss.stop({ graceful: true, timeout: 1000, wait: true });
      await handlerDb.end();
    },
  };
}

async function withTimeout<T>(promise: Promise<T>, seconds: number, queue: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${queue} handler ran longer than expireInSeconds (${seconds} s)`)), Math.max(1, seconds) * 1000);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function fail(message: string): never {
  throw new Error(message);
}
