// GET/HEAD on a table or view: plan, one statement, and the response PostgREST would send.
import { ApiError } from '../errors.ts';
import type { RestRequest, RestResponse, TxClient } from '../context.ts';
import { CONTENT_TYPES, negotiate } from '../media.ts';
import { buildReadPlan } from '../plan/read-plan.ts';
import { buildCountSql, buildSelectSql } from '../sql/select.ts';
import { SqlParams } from '../sql/params.ts';
import { wrapSql } from '../sql/wrap.ts';
import { contentRange, pageFor, parseRangeHeader, rangeStatus } from './range.ts';
import { plannedCount } from './count.ts';

export async function handleRead(req: RestRequest, tx: TxClient, table: string): Promise<RestResponse> {
  const media = negotiate(req.headers.accept, ['json', 'object', 'csv']);
  const query = req.query();
  const plan = buildReadPlan(req.cache, req.schema, table, query);
  const page = pageFor(plan.root.range, req.method === 'GET' || req.method === 'HEAD' ? parseRangeHeader(req.headers) : undefined, req.settings.maxRows);

  const params = new SqlParams();
  const selectSql = buildSelectSql(plan, params, { range: page });
  const countMode = req.prefer.count;
  let total: number | null = null;
  let countSql: string | null = null;
  if (countMode === 'planned' || countMode === 'estimated') {
    const countParams = new SqlParams();
    const sql = buildCountSql(plan, countParams);
    total = await plannedCount(tx, sql, countParams.values);
    if (countMode === 'estimated' && total <= req.settings.maxRows) {
      total = null;
      countSql = buildCountSql(plan, params);
    }
  } else if (countMode === 'exact') countSql = buildCountSql(plan, params);

  const sql = wrapSql(selectSql, { media: media.kind, stripNulls: media.stripNulls, countSql });
  const { rows } = await tx.query(sql, params.values);
  const row = rows[0];
  const pageTotal = Number(row.page_total);
  if (row.total_result_set !== null) total = Number(row.total_result_set);

  if (media.kind === 'object' && pageTotal !== 1) {
    throw new ApiError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${pageTotal} rows`);
  }
  const status = rangeStatus(page.offset, pageTotal, total);
  return {
    status,
    headers: {
      'content-type': CONTENT_TYPES[media.kind],
      'content-range': contentRange(page.offset, pageTotal, total),
    },
    body: row.body,
    gucHeaders: row.response_headers,
    gucStatus: row.response_status,
  };
}
