// Holds the current schema cache and reloads it (concurrent reload requests coalesce into one).
import pg from 'pg';
import { loadSchemaCache } from './load.ts';
import type { SchemaCache } from './types.ts';

export class SchemaStore {
  private current: SchemaCache | undefined;
  private loading: Promise<void> | undefined;
  private pending = false;
  private listeners: Array<(cache: SchemaCache) => void> = [];

  constructor(private readonly connectionString: string) {}

  get cache(): SchemaCache {
    if (!this.current) throw new Error('schema cache not loaded');
    return this.current;
  }

  /** Called with each newly loaded cache. */
  onReload(fn: (cache: SchemaCache) => void): void {
    this.listeners.push(fn);
  }

  /** Reloads; a reload asked for while one runs starts one more after it. */
  reload(): Promise<void> {
    if (this.loading) {
      this.pending = true;
      return this.loading;
    }
    this.loading = (async () => {
      try {
        do {
          this.pending = false;
          const client = new pg.Client({ connectionString: this.connectionString });
          await client.connect();
          try {
            this.current = await loadSchemaCache(client);
          } finally {
            await client.end();
          }
          for (const fn of this.listeners) fn(this.current);
        } while (this.pending);
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}
