// Bulk loading with COPY FROM STDIN (text format): the fast path for the large seed.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | bigint | null | undefined | Date | object;

/** One value in COPY's text format: \N for null, backslash escapes, JSON for objects and arrays of objects. */
export function copyText(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    return escape(`{${value.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`);
  }
  if (typeof value === 'object') return escape(JSON.stringify(value));
  return escape(String(value));
}

function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

/** Streams rows into a table with COPY; rows are arrays in the order of `columns`. Returns the count. */
export async function copyRows(client: pg.ClientBase, table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<number> {
  let count = 0;
  function* lines(): Generator<string> {
    let batch = '';
    for (const row of rows) {
      batch += row.map(copyText).join('\t') + '\n';
      count++;
      if (batch.length > 1 << 16) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  const target = client.query(copyFrom(`copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
  await pipeline(Readable.from(lines()), target);
  return count;
}
