// Every statement the jobs module runs itself (pg-boss runs its own). Each returns { text, values }.
export interface Statement {
  text: string;
  values: unknown[];
}

/** app.enqueue_job (migration 20261122040000_jobs.sql): inserts the job in the caller's transaction. */
export const enqueueJob = (queue: string, payload: unknown, options: Record<string, unknown>): Statement => ({
  text: 'select app.enqueue_job($1, $2::jsonb, $3::jsonb) as id',
  values: [queue, JSON.stringify(payload), JSON.stringify(options)],
});
