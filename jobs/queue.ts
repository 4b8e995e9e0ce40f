// What a queue is: its name, the schema of its payload, its pg-boss options, an optional cron
// schedule, and the idempotent handler that does the work. One module per queue in jobs/queues/
// calls defineQueue(); jobs/registry.ts lists the product's queues.
import type pg from 'pg';
import type { z } from 'zod';

/** Anything that runs SQL: a pg Pool, a pooled client inside a transaction, or a Client. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

export interface QueueOptions {
  /** pg-boss queue policy: 'singleton' runs one job at a time, 'stately' queues one per state… */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  /** Retries after the first attempt before the job fails for good. */
  retryLimit: number;
  /** Seconds before the first retry; doubled (with jitter) at each retry when retryBackoff. */
  retryDelay: number;
  retryBackoff: boolean;
  /** An attempt running longer than this is failed (and retried) — also after a worker crash. */
  expireInSeconds: number;
  /** How long a job may wait before it is dropped unstarted (pg-boss retention), in minutes. */
  retentionMinutes?: number;
  /** Queue that receives the payload of a job once its retries are used up. */
  deadLetter?: string;
}

export interface JobContext {
  id: string;
  queue: string;
  /** 0 on the first attempt. */
  retryCount: number;
  /** Stable across retries of one job: key the handler's effects on it. */
  idempotencyKey: string;
  /** A pool for the handler's own SQL (the database the worker runs against). */
  db: pg.Pool;
  log: (line: string) => void;
}

export interface QueueDefinition<Name extends string = string, Schema extends z.ZodType = z.ZodType> {
  name: Name;
  /** Validates payloads when enqueued from TypeScript and again when the job runs. */
  schema: Schema;
  options: QueueOptions;
  /** Absent for a dead-letter queue: its jobs wait there for staff (job_queue_counts, failed_jobs). */
  handler?: (payload: z.output<Schema>, job: JobContext) => Promise<unknown>;
  /** Jobs of this queue one worker runs at once (default 1). */
  concurrency?: number;
  /** Enqueued by pg-boss's clock (boss.schedule): a cron expression, its payload and time zone. */
  cron?: { expression: string; payload: z.input<Schema>; timezone?: string };
  /** Default throttle for enqueue(): at most one job per key per `seconds` (pg-boss singletonSeconds). */
  throttle?: { seconds: number; key?: (payload: z.output<Schema>) => string };
}

export type AnyQueue = QueueDefinition<string, any>;
export type PayloadOf<Q extends AnyQueue> = z.input<Q['schema']>;

export function defineQueue<const Name extends string, Schema extends z.ZodType>(
  definition: QueueDefinition<Name, Schema>,
): QueueDefinition<Name, Schema> {
  return definition;
}

/** A payload the queue's schema refuses; `category` is what an HTTP layer maps to a 400. */
export class InvalidPayloadError extends Error {
  readonly category = 'invalid_data';
  constructor(
    readonly queue: string,
    readonly issues: Array<{ path: PropertyKey[]; message: string }>,
  ) {
    const detail = issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
    super(`invalid payload for queue "${queue}": ${detail}`);
    this.name = 'InvalidPayloadError';
  }
}

export function parsePayload<Q extends AnyQueue>(queue: Q, payload: unknown): z.output<Q['schema']> {
  const result = queue.schema.safeParse(payload);
  if (!result.success) throw new InvalidPayloadError(queue.name, result.error.issues);
  return result.data;
}

/** Checks names are unique and dead-letter queues are declared; returns the queues by name. */
export function indexQueues(queues: readonly AnyQueue[]): ReadonlyMap<string, AnyQueue> {
  const byName = new Map<string, AnyQueue>();
  for (const queue of queues) {
    if (byName.has(queue.name)) throw new Error(`queue "${queue.name}" is declared twice`);
    byName.set(queue.name, queue);
  }
  for (const queue of queues) {
    const dead = queue.options.deadLetter;
    if (dead && !byName.has(dead)) throw new Error(`queue "${queue.name}" dead-letters to "${dead}", which is not declared`);
  }
  return byName;
}
