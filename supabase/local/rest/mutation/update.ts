// PATCH on a table or view: update the rows the filters select with the keys of the body.
import type { RestResponse, TxClient } from '../context.ts';
import { checkSingular, representationBody, response, runOuter } from './execute.ts';
import { checkMaxAffected, contentRange, preferenceApplied, shouldCount } from './headers.ts';
import type { OuterRow } from './outer-query.ts';
import { updateSql } from './statements.ts';
import { targetPayload, whereSql, type Target } from './target.ts';

const NOTHING: OuterRow = { total: 0, inserted: null, location: null, body: '[]', guc_headers: null, guc_status: null };

export async function handleUpdate(target: Target, tx: TxClient): Promise<RestResponse> {
  const { req, relation } = target;
  const prefs = req.prefer;
  const { payload, columns } = targetPayload(target);
  const wantsBody = prefs.return === 'representation';

  let row = NOTHING;
  if (columns.length > 0 && payload.rows > 0) {
    const rows = target.params.add(payload.json);
    const statement = updateSql({
      relation,
      columns,
      rows,
      where: whereSql(target),
      returning: { kind: wantsBody ? 'all' : 'rows', inserted: false },
    });
    row = await runOuter(tx, target, {
      statement,
      relation,
      wantsBody,
      inserted: false,
      location: false,
      extraColumns: false,
    });
  }
  checkSingular(target, row.total);
  checkMaxAffected(prefs, row.total);

  const headers: Record<string, string | undefined> = {
    'content-range': contentRange(0, row.total - 1, shouldCount(prefs) ? row.total : undefined),
    'preference-applied': preferenceApplied(prefs, ['missing', 'return', 'count', 'handling', 'max-affected']),
  };
  if (!wantsBody) return response(204, headers, row);
  const { body, contentType } = representationBody(target, row);
  return response(200, { ...headers, 'content-type': contentType }, row, body);
}
