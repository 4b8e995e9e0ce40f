// DELETE on a table or view: remove the rows the filters select.
import type { RestResponse, TxClient } from '../context.ts';
import { checkSingular, representationBody, response, runOuter } from './execute.ts';
import { checkMaxAffected, contentRange, preferenceApplied, shouldCount } from './headers.ts';
import { deleteSql } from './statements.ts';
import { whereSql, type Target } from './target.ts';

export async function handleDelete(target: Target, tx: TxClient): Promise<RestResponse> {
  const { req, relation } = target;
  const prefs = req.prefer;
  const wantsBody = prefs.return === 'representation';
  const statement = deleteSql({
    relation,
    where: whereSql(target),
    returning: { kind: wantsBody ? 'all' : 'rows', inserted: false },
  });
  const row = await runOuter(tx, target, {
    statement,
    relation,
    wantsBody,
    inserted: false,
    location: false,
    extraColumns: false,
  });
  checkSingular(target, row.total);
  checkMaxAffected(prefs, row.total);

  const headers: Record<string, string | undefined> = {
    'content-range': contentRange(1, 0, shouldCount(prefs) ? row.total : undefined),
    'preference-applied': preferenceApplied(prefs, ['return', 'count', 'handling', 'max-affected']),
  };
  if (!wantsBody) return response(204, headers, row);
  const { body, contentType } = representationBody(target, row);
  return response(200, { ...headers, 'content-type': contentType }, row, body);
}
