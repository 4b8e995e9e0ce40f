// Enqueuing from TypeScript: validates the payload with the queue's schema, then inserts the job
// through app.enqueue_job — the same SQL path triggers and RPCs use — on the connection given, so
// inside a transaction the job exists only if that transaction commits.
import { indexQueues, parsePayload, type AnyQueue, type PayloadOf, type Queryable } from './queue.ts';
import { enqueueJob } from './sql.ts';

export interface EnqueueOptions {
  /** Job id (uuid); a second enqueue with the same id is ignored. */
  id?: string;
  priority?: number;
  /** Seconds from now, or a date. */
  startAfter?: number | Date;
  /** With a 'singleton'/'stately'/'short' queue policy, or with singletonSeconds: the key. */
  singletonKey?: string;
  /** Throttle: at most one job per singletonKey per window of this many seconds. */
  singletonSeconds?: number;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  deadLetter?: string;
}

export type Enqueue<Q extends AnyQueue> = <N extends Q['name']>(
  db: Queryable,
  queue: N,
  payload: PayloadOf<Extract<Q, { name: N }>>,
  options?: EnqueueOptions,
) => Promise<string | null>;

/**
 * A typed enqueue for these queues. Resolves to the job id, or null when a singleton or throttle
 * slot was already taken. Rejects an unknown queue or a payload the schema refuses
 * (InvalidPayloadError, with every issue in its message).
 */
export function createEnqueue<const Q extends readonly AnyQueue[]>(queues: Q): Enqueue<Q[number]> {
  const byName = indexQueues(queues);
  return async (db, name, payload, options = {}) => {
    const queue = byName.get(name);
    if (!queue) throw new Error(`unknown job queue "${name}"`);
    const data = parsePayload(queue, payload);
    const sqlOptions: Record<string, unknown> = { ...options };
    if (options.startAfter instanceof Date) sqlOptions.startAfter = options.startAfter.toISOString();
    if (queue.throttle && options.singletonSeconds === undefined) {
      sqlOptions.singletonSeconds = queue.throttle.seconds;
      sqlOptions.singletonKey ??= queue.throttle.key?.(data);
    }
    const statement = enqueueJob(name, data, sqlOptions);
    const { rows } = await db.query(statement.text, statement.values);
    return (rows[0]?.id as string | null) ?? null;
  };
}
