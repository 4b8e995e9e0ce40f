// What every Storage route gets: the services and the request at hand.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SupabaseConfig } from '../config.ts';
import type { Tokens } from './auth.ts';
import type { StorageDb } from './db.ts';
import type { Disk } from './disk.ts';

export interface StorageContext {
  db: StorageDb;
  disk: Disk;
  tokens: Tokens;
  config: SupabaseConfig;
  /** The global upload limit in bytes ([storage] file_size_limit). */
  fileSizeLimit: number;
  log: (line: string) => void;
}

export interface StorageRequest {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Path under /storage/v1, still percent-encoded. */
  path: string;
  url: URL;
  /** The regex captures of the route. */
  params: string[];
}

export type RouteHandler = (ctx: StorageContext, r: StorageRequest) => Promise<void>;

export interface Route {
  methods: string[];
  pattern: RegExp;
  handler: RouteHandler;
}
