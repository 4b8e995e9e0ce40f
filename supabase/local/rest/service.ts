// The REST engine at /rest/v1 (PostgREST semantics): authenticates, picks the profile, runs each
// request in one transaction as the caller's role, and dispatches to the read path, mutations,
// RPC or the OpenAPI document.
import { wireHeaders } from './header-bytes.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import type { SupabaseConfig } from '../config.ts';
import { BodyTooLargeError, readBody, type Handler } from '../http.ts';
import { ApiError, sendError, toApiError } from './errors.ts';
import { authenticate } from './jwt.ts';
import type { RestRequest, RestResponse, RestSettings, TxClient } from './context.ts';
import { parseQueryParams } from './query/params.ts';
import type { QueryParams } from './query/types.ts';
import { checkStrictPreferences, parsePrefer } from './prefer.ts';
import { resolveProfile } from './profile.ts';
import { routeFor, type Route } from './routes.ts';
import { SchemaStore } from './schema/store.ts';
import { listenForReloads } from './schema/listener.ts';
import { qualifiedKey, type SchemaCache } from './schema/types.ts';
import { findRelation } from './schema/lookup.ts';
import { handleRead } from './read/handler.ts';
import { handleOpenApi } from './openapi/handler.ts';
import { handleMutation } from './mutation/index.ts';
import { handleRpc } from './rpc/index.ts';
import { runInTransaction } from './run.ts';

export interface RestServiceOptions {
  /** Pool connections log in as `authenticator` and switch role per request. */
  connectionString: string;
  /** Superuser connection for the schema cache and LISTEN pgrst. */
  adminConnectionString: string;
  config: SupabaseConfig;
  jwtSecret: string;
  log: (line: string) => void;
}

export interface RestService {
  handler: Handler;
  close(): Promise<void>;
}

const ANON_ROLE = 'anon';
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export async function createRestService(options: RestServiceOptions): Promise<RestService> {
  const settings: RestSettings = {
    schemas: options.config.api.schemas,
    extraSearchPath: options.config.api.extra_search_path,
    maxRows: options.config.api.max_rows,
    anonRole: ANON_ROLE,
    maxBodyBytes: MAX_BODY_BYTES,
  };
  const store = new SchemaStore(options.adminConnectionString);
  await store.reload();
  const listener = await listenForReloads({ connectionString: options.adminConnectionString, onReload: () => store.reload(), log: options.log });
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 20, application_name: 'comptoir-rest' });
  pool.on('error', (e) => options.log(`[rest] idle connection error: ${e.message}`));
  const secret = new TextEncoder().encode(options.jwtSecret);

  const handler: Handler = async (req, res, path, url) => {
    const method = (req.method ?? 'GET').toUpperCase();
    let authenticated = false;
    try {
      const route = routeFor(path);
      if (method === 'OPTIONS') return sendOptions(res, route, store.cache, resolveProfile('GET', req.headers, settings.schemas));
      const caller = await authenticate(headerValue(req.headers.authorization), { secret, anonRole: ANON_ROLE });
      authenticated = caller.role !== ANON_ROLE;
      const schema = resolveProfile(method, req.headers, settings.schemas);
      const cache = store.cache;
      const prefer = parsePrefer(req.headers.prefer, cache.timezones);
      checkStrictPreferences(prefer);
      const run = dispatch(route, method);
      const body = method === 'GET' || method === 'HEAD' ? null : await readRequestBody(req);
      const parsed = new Map<boolean, QueryParams>();
      const restReq: RestRequest = {
        method, path, url, headers: req.headers, schema, caller, authenticated, body, prefer, cache, settings,
        query: (o = {}) => {
          const key = o.rpcRead ?? false;
          if (!parsed.has(key)) parsed.set(key, parseQueryParams(url.search, { rpcRead: key }));
          return parsed.get(key)!;
        },
      };
      const readOnly = method === 'GET' || method === 'HEAD' || (route.kind === 'rpc' && isReadOnlyRpc(restReq, route.name));
      const response = await runInTransaction(pool, restReq, readOnly, (tx) => run(restReq, tx));
      if (settings.schemas.length > 1) response.headers['content-profile'] ??= schema;
      send(res, response);
    } catch (error) {
      sendError(res, toApiError(error, authenticated));
    }
  };

  return {
    handler,
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

type Run = (req: RestRequest, tx: TxClient) => Promise<RestResponse>;

function dispatch(route: Route, method: string): Run {
  if (route.kind === 'root') {
    if (method === 'GET' || method === 'HEAD') return (req, tx) => handleOpenApi(req, tx);
    throw unsupported(method);
  }
  if (route.kind === 'rpc') return (req, tx) => handleRpc(req, tx, route.name);
  if (method === 'GET' || method === 'HEAD') return (req, tx) => handleRead(req, tx, route.name);
  if (MUTATING.has(method)) return (req, tx) => handleMutation(req, tx, route.name);
  throw unsupported(method);
}

function unsupported(method: string): ApiError {
  return new ApiError(405, 'PGRST117', `Unsupported HTTP method: ${method}`);
}

/** POST /rpc/fn runs read-only when every overload of fn is stable or immutable. */
function isReadOnlyRpc(req: RestRequest, name: string): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  const overloads = req.cache.routines.get(qualifiedKey(req.schema, name));
  return !!overloads && overloads.length > 0 && overloads.every((r) => r.volatility !== 'volatile');
}

async function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  try {
    return await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new ApiError(413, null, 'Request body too large', `The request body exceeds ${error.limit} bytes`);
    }
    throw error;
  }
}

/** OPTIONS: the methods the resource allows, as PostgREST derives them. */
function sendOptions(res: ServerResponse, route: Route, cache: SchemaCache, schema: string): void {
  let allow = 'OPTIONS,GET,HEAD';
  if (route.kind === 'relation') {
    const rel = findRelation(cache, schema, route.name);
    const methods = ['OPTIONS,GET,HEAD'];
    if (rel.insertable) methods.push('POST');
    if (rel.insertable && rel.updatable && rel.primaryKey.length) methods.push('PUT');
    if (rel.updatable) methods.push('PATCH');
    if (rel.deletable) methods.push('DELETE');
    allow = methods.join(',');
  } else if (route.kind === 'rpc') {
    const overloads = cache.routines.get(qualifiedKey(schema, route.name)) ?? [];
    allow = overloads.some((r) => r.volatility === 'volatile') ? 'OPTIONS,POST' : 'OPTIONS,GET,HEAD,POST';
  }
  res.writeHead(200, { allow, 'content-length': '0' });
  res.end();
}

function send(res: ServerResponse, response: RestResponse): void {
  const headers: Record<string, string | string[]> = { ...response.headers };
  for (const [name, value] of response.repeatedHeaders ?? []) {
    const previous = headers[name];
    headers[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const body = response.body === null ? null : typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  if (body !== null) headers['content-length'] = String(body.length);
  res.writeHead(response.status, wireHeaders(headers));
  res.end(body ?? undefined);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
