// GET/HEAD on a table or view: plan, one statement, and the response PostgREST would send.
import { ApiError } from '../errors.ts';
import type { RestRequest, RestResponse, TxClient } from '../context.ts';
import { contentType, negotiate } from '../media.ts';
import { buildReadPlan } from '../plan/read-plan.ts';
import { buildCountSql, buildSelectSql } from '../sql/select.ts';
import { SqlParams } from '../sql/params.ts';
import { wrapSql } from '../sql/wrap.ts';
import { contentRange, pageFor, parseRangeHeader, rangeStatus } from './range.ts';
import { plannedCount } from './count.ts';
import { contentLocation } from './content-location.ts';
import { readPreferenceApplied } from '../prefer.ts';

export async function handleRead(req: RestRequest, tx: TxClient, table: string): Promise<RestResponse> {
  const media = negotiate(req.headers.accept, ['json', 'object', 'csv']);
  const query = req.query();
  const plan = buildReadPlan(req.cache, req.schema, table, query, { aggregatesEnabled: aggregatesEnabled(req) });
  // The Range header is read on GET only (RFC 9110, as PostgREST): a HEAD gets the whole set.
  const page = pageFor(plan.root.range, req.method === 'GET' ? parseRangeHeader(req.headers) : undefined, req.settings.maxRows);

  // Values inlined as literals: the whole read is one round trip (BEGIN; settings; query; COMMIT).
  const params = new SqlParams([], { inline: true });
  const selectSql = buildSelectSql(plan, params, { range: page });
  const countMode = req.prefer.count;
  let total: number | null = null;
  let countSql: string | null = null;
  if (countMode === 'planned') total = await plannedCount(tx, buildCountSql(plan, params), []);
  else if (countMode === 'exact' || countMode === 'estimated') countSql = buildCountSql(plan, params);
  // count=estimated: exact, unless it passes db-max-rows; then the larger of it and the planner's.
  const estimated = countMode === 'estimated' ? buildCountSql(plan, params) : null;

  const sql = wrapSql(selectSql, { media: media.kind, stripNulls: media.stripNulls, countSql });
  const { rows } = estimated === null ? await tx.queryAndCommit(sql) : await tx.query(sql);
  const row = rows[0];
  const pageTotal = Number(row.page_total);
  if (row.total_result_set !== null) total = Number(row.total_result_set);
  if (estimated !== null && total !== null && !(total <= req.settings.maxRows)) {
    total = Math.max(total, await plannedCount(tx, estimated, []));
  }

  if (media.kind === 'object' && pageTotal !== 1) {
    throw new ApiError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${pageTotal} rows`);
  }
  const status = rangeStatus(page.offset, pageTotal, total);
  const applied = readPreferenceApplied(req.prefer);
  return {
    status,
    headers: {
      'content-range': contentRange(page.offset, pageTotal, total),
      'content-location': contentLocation(table, query.raw),
      'content-type': contentType(media),
      ...(applied ? { 'preference-applied': applied } : {}),
    },
    body: row.body,
    gucHeaders: row.response_headers,
    gucStatus: row.response_status,
  };
}

/** `ALTER ROLE authenticator SET pgrst.db_aggregates_enabled = 'true'` (then NOTIFY pgrst, 'reload config'). */
export function aggregatesEnabled(req: RestRequest): boolean {
  const settings = req.cache.roleSettings.get('authenticator') ?? [];
  return settings.some(([name, value]) => name === 'pgrst.db_aggregates_enabled' && value === 'true');
}
