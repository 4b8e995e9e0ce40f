// /rest/v1/rpc/<fn>: calls a function with named arguments (POST body or GET query string) and
// answers its result like PostgREST: a JSON scalar, an object, or rows paged like a table.
import { ApiError } from '../errors.ts';
import type { RestRequest, RestResponse, TxClient } from '../context.ts';
import { contentType, negotiate } from '../media.ts';
import { checkStrictPreferences } from '../prefer.ts';
import { SqlParams } from '../sql/params.ts';
import { preferenceApplied, shouldCount } from '../mutation/headers.ts';
import { contentRange, pageFor, parseRangeHeader, rangeStatus } from '../read/range.ts';
import { singularityError } from '../mutation/execute.ts';
import { bodyArguments, queryArguments } from './arguments.ts';
import { callOuterSql, callSql, resultKind, type CallRow } from './call-sql.ts';
import { buildPage } from './page.ts';
import { resolveRoutine } from './resolve.ts';

export async function handleRpc(req: RestRequest, tx: TxClient, fn: string): Promise<RestResponse> {
  const read = req.method === 'GET' || req.method === 'HEAD';
  if (!read && req.method !== 'POST') throw new ApiError(405, 'PGRST101', `Cannot use the ${req.method} method on RPC`);
  checkStrictPreferences(req.prefer);
  const accept = Array.isArray(req.headers.accept) ? req.headers.accept.join(',') : req.headers.accept;
  const media = negotiate(accept, ['json', 'object', 'csv']);

  const args = read ? queryArguments(req) : bodyArguments(req);
  const singleObject = req.prefer.params === 'single-object';
  const post = !read && args.kind === 'body';
  const resolution = resolveRoutine(req.cache, { schema: req.schema, name: fn, keys: args.keys, post, singleObject, plainText: args.kind === 'text' });
  const { routine } = resolution;
  const kind = resultKind(routine);
  const query = req.query(read ? { rpcRead: true } : undefined);

  const params = new SqlParams();
  const call = callSql(resolution, args, params);
  // The Range header is read on GET only (RFC 9110, as PostgREST): HEAD and POST get the whole set.
  const range = pageFor(query.ranges.get(''), req.method === 'GET' ? parseRangeHeader(req.headers) : undefined, req.settings.maxRows);
  const page = buildPage(req.cache, routine, query, range, params);
  const counted = shouldCount(req.prefer);
  const text = callOuterSql({
    call,
    page: page.page,
    element: page.element,
    single: page.single,
    stripNulls: media.stripNulls,
    csv: media.kind === 'csv',
    count: counted ? page.count() : undefined,
  });
  const row = (await tx.query<CallRow>({ text, values: params.values })).rows[0];

  const base = { gucHeaders: row.guc_headers, gucStatus: row.guc_status };
  const applied = preferenceApplied(req.prefer, ['count', 'handling']);
  const headers: Record<string, string> = applied ? { 'preference-applied': applied } : {};
  const total = counted ? row.total ?? 0 : null;
  headers['content-range'] = contentRange(page.offset, row.page_total, total);
  if (kind === 'void') return { status: 204, headers, body: null, ...base };
  const status = rangeStatus(page.offset, row.page_total, total);

  let body = row.body ?? 'null';
  if (media.kind === 'object' && !page.single) {
    if (row.page_total !== 1) throw singularityError(row.page_total);
    body = body.slice(1, -1).trim();
  }
  headers['content-type'] = contentType(media);
  return { status, headers, body, ...base };
}
