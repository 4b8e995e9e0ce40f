// POST on a table or view: insert, or upsert with Prefer: resolution=merge-duplicates|ignore-duplicates.
import type { RestResponse, TxClient } from '../context.ts';
import { checkSingular, representationBody, response, runOuter } from './execute.ts';
import { contentRange, locationHeader, preferenceApplied, shouldCount } from './headers.ts';
import { insertSql, type ConflictSpec } from './statements.ts';
import { targetPayload, type Target } from './target.ts';

export async function handleInsert(target: Target, tx: TxClient): Promise<RestResponse> {
  const { req, relation, query } = target;
  const prefs = req.prefer;
  const { payload, columns } = targetPayload(target);
  const returnPref = prefs.return;
  const conflictColumns = query.onConflict ?? relation.primaryKey;
  const upsert = prefs.resolution !== undefined && conflictColumns.length > 0;
  const conflict: ConflictSpec | undefined = upsert
    ? { columns: conflictColumns, action: prefs.resolution === 'merge-duplicates' ? 'merge' : 'ignore' }
    : undefined;
  const merge = conflict?.action === 'merge';
  const wantsLocation = returnPref === 'headers-only' && relation.primaryKey.length > 0;
  const wantsBody = returnPref === 'representation';

  const rows = target.params.add(payload.json);
  const statement = insertSql({
    relation,
    columns,
    rows,
    missingDefault: prefs.missing === 'default',
    conflict,
    returning: { kind: wantsBody ? 'all' : wantsLocation ? 'pk' : 'rows', inserted: merge },
  });
  const row = await runOuter(tx, target, {
    statement,
    relation,
    wantsBody,
    inserted: merge,
    location: wantsLocation,
    extraColumns: merge,
  });
  checkSingular(target, row.total);

  const status = merge && (row.inserted ?? 0) <= 0 ? 200 : 201;
  const headers: Record<string, string | undefined> = {
    location: wantsLocation && row.location ? locationHeader(relation.name, relation.primaryKey, row.location) : undefined,
    'content-range': contentRange(1, 0, shouldCount(prefs) ? row.total : undefined),
    'preference-applied': preferenceApplied(prefs, [...(upsert || query.onConflict ? ['resolution' as const] : []), 'missing', 'return', 'count', 'handling']),
  };
  if (!wantsBody) return response(status, headers, row);
  const { body, contentType } = representationBody(target, row);
  return response(status, { ...headers, 'content-type': contentType }, row, body);
}
