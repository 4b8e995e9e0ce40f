// What a REST handler gets for one request, and what it answers. Shared by the read path,
// mutations (mutation/index.ts) and RPC (rpc/index.ts).
import type { IncomingHttpHeaders } from 'node:http';
import type pg from 'pg';
import type { Caller } from './jwt.ts';
import type { SchemaCache } from './schema/types.ts';
import type { Preferences } from './prefer.ts';
import type { QueryParams } from './query/types.ts';

export interface RestSettings {
  /** Exposed schemas; the first is the default profile. */
  schemas: string[];
  extraSearchPath: string[];
  /** Hard cap on rows a read returns (db-max-rows). */
  maxRows: number;
  anonRole: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
}

export interface RestRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Path under /rest/v1, e.g. `/items` or `/rpc/add`. */
  path: string;
  url: URL;
  /** Request headers (Node lower-cases the names). */
  headers: IncomingHttpHeaders;
  /** The schema the request addresses (Accept-Profile / Content-Profile, else the first exposed one). */
  schema: string;
  caller: Caller;
  /** True when the role is not the anonymous role (decides 401 vs 403 for 42501). */
  authenticated: boolean;
  /** The raw body (null for GET/HEAD). */
  body: Buffer | null;
  prefer: Preferences;
  /** The query string parsed (`rpcRead`: operator-less params are function arguments). Cached. */
  query(options?: { rpcRead?: boolean }): QueryParams;
  cache: SchemaCache;
  settings: RestSettings;
}

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  /** null: no body. HEAD responses drop the body automatically. */
  body: string | Buffer | null;
  /** Roll back instead of committing (Prefer: tx=rollback). */
  rollback?: boolean;
  /** Raw values of `response.headers` / `response.status` read by the main statement (see sql/wrap.ts). */
  gucHeaders?: string | null;
  gucStatus?: string | null;
  /** Further values of a header `response.headers` names more than once (two Set-Cookie), sent as well. */
  repeatedHeaders?: Array<[string, string]>;
}

/**
 * The request's transaction (role, claims and search_path set before the first statement runs).
 * `query` takes pg's `(text, values)` or `({ text, values })`.
 */
export interface TxClient {
  query<R extends pg.QueryResultRow = any>(config: string | { text: string; values?: unknown[] }, values?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Read-only requests: runs a statement without bind parameters and COMMITs in the same round trip. */
  queryAndCommit<R extends pg.QueryResultRow = any>(text: string): Promise<pg.QueryResult<R>>;
}

export type RestHandler = (req: RestRequest, tx: TxClient) => Promise<RestResponse>;
