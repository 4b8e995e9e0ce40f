// Two transactions racing on the same rows: the second writer must wait for the first.
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL } from '../helpers/env.ts';

export type Statement = [text: string, values: unknown[]];

/**
 * Runs `first` in an open transaction, starts `second` on another connection (it must block),
 * commits the first, and returns the second's error message (null when it succeeded).
 */
export async function race(first: Statement, second: Statement): Promise<string | null> {
  const a = new pg.Client({ connectionString: DATABASE_URL });
  const b = new pg.Client({ connectionString: DATABASE_URL });
  await Promise.all([a.connect(), b.connect()]);
  try {
    await a.query('begin');
    await a.query(...first);
    let settled = false;
    const outcome = b.query(...second).then(
      () => null,
      (error: Error) => error.message,
    ).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(settled, false, 'the second writer waits for the first');
    await a.query('commit');
    return await outcome;
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
}
