// COPY streams fed by a generator that writes rows of several tables at once (an order, its items,
// its payment), each table on a connection of its own so that Postgres loads them in parallel.
// Rows are written as ready-made COPY text lines: the generators only emit values that need no
// escaping (or escape them with copyText), which is what makes millions of rows cheap to produce.
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const FLUSH_AT = 1 << 17;

export class CopySink {
  rows = 0;
  private buffer = '';
  private readonly stream: ReturnType<typeof copyFrom>;
  private readonly done: Promise<void>;

  constructor(client: pg.ClientBase, readonly table: string, columns: readonly string[]) {
    this.stream = client.query(copyFrom(`copy ${table.includes('.') ? table : `public.${table}`} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', () => resolve());
      this.stream.on('error', (error: Error) => reject(new Error(`copying into ${table}: ${error.message}`)));
    });
    // A rejection is reported by end(); until then, keep it from being "unhandled".
    this.done.catch(() => {});
  }

  /** Adds one line (tab-separated values, no trailing newline). Await it: it waits for the socket to drain. */
  add(line: string): Promise<void> | undefined {
    this.buffer += line + '\n';
    this.rows++;
    if (this.buffer.length < FLUSH_AT) return undefined;
    return this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }

  async end(): Promise<number> {
    if (this.buffer) await this.flush();
    this.stream.end();
    await this.done;
    return this.rows;
  }
}

/** COPY text for a value that may hold tabs, newlines or backslashes; \N for null. */
export function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

export const NULL = '\\N';
