// PUT on a table: insert or replace the one row whose whole primary key the URL names with eq filters.
import { ApiError } from '../errors.ts';
import type { RestResponse, TxClient } from '../context.ts';
import { ident } from '../sql/params.ts';
import { checkSingular, representationBody, response, runOuter } from './execute.ts';
import { preferenceApplied } from './headers.ts';
import { BODY, insertSql } from './statements.ts';
import { targetPayload, type Target } from './target.ts';

const invalidFilters = () =>
  new ApiError(405, 'PGRST105', "Filters must include all and only primary key columns with 'eq' operators");
const pkMismatch = () => new ApiError(400, 'PGRST115', 'Payload values do not match URL in primary key column(s)');

/** The primary key values the URL gives, in key order; 405 PGRST105 unless they are exactly `pk=eq.v`. */
function urlKey(target: Target): string[] {
  const { relation, query, plan } = target;
  const range = query.ranges.get('');
  if (range && (range.limit !== undefined || range.offset > 0)) {
    throw new ApiError(400, 'PGRST114', 'limit/offset querystring parameters are not allowed for PUT');
  }
  const pk = relation.primaryKey;
  const filters = plan.root.filters;
  if (pk.length === 0 || plan.root.logic.length > 0 || filters.length !== pk.length) throw invalidFilters();
  const values = new Map<string, string>();
  for (const f of filters) {
    const op = f.operation;
    if (f.negated || f.field.json.length > 0 || op.kind !== 'quant' || op.op !== 'eq' || op.quantifier) throw invalidFilters();
    if (!pk.includes(f.field.name) || values.has(f.field.name)) throw invalidFilters();
    values.set(f.field.name, op.value);
  }
  return pk.map((c) => values.get(c)!);
}

export async function handlePut(target: Target, tx: TxClient): Promise<RestResponse> {
  const { req, relation } = target;
  const prefs = req.prefer;
  const keyValues = urlKey(target);
  const { payload, columns } = targetPayload(target);
  if (payload.rows !== 1) throw pkMismatch();
  const wantsBody = prefs.return === 'representation';

  const rows = target.params.add(payload.json);
  const bodyWhere = relation.primaryKey.map((c, i) => `${ident(BODY)}.${ident(c)} = ${target.params.add(keyValues[i])}`);
  const statement = insertSql({
    relation,
    columns,
    rows,
    missingDefault: false,
    conflict: { columns: relation.primaryKey, action: 'merge' },
    bodyWhere,
    returning: { kind: wantsBody ? 'all' : 'rows', inserted: true },
  });
  const row = await runOuter(tx, target, {
    statement,
    relation,
    wantsBody,
    inserted: true,
    location: false,
    extraColumns: true,
  });
  if (row.total === 0) throw pkMismatch();
  checkSingular(target, row.total);

  const headers = { 'preference-applied': preferenceApplied(prefs, ['return', 'count', 'handling']) };
  if (!wantsBody) return response(204, headers, row);
  const { body, contentType } = representationBody(target, row);
  return response((row.inserted ?? 0) > 0 ? 201 : 200, { ...headers, 'content-type': contentType }, row, body);
}
