// What every write needs before its statement is built: the relation, the parsed query, the read
// plan (for return=representation and filters), the negotiated media type and the bind parameters.
import { ApiError } from '../errors.ts';
import type { RestRequest } from '../context.ts';
import { negotiate, type Media } from '../media.ts';
import { buildReadPlan, type ReadPlan } from '../plan/read-plan.ts';
import type { QueryParams } from '../query/types.ts';
import { findRelation } from '../schema/lookup.ts';
import type { Relation } from '../schema/types.ts';
import { filterSql, logicSql } from '../sql/filters.ts';
import { SqlParams } from '../sql/params.ts';
import { buildSelectSql, type RootSource } from '../sql/select.ts';
import { readPayload, type Payload } from './payload.ts';
import { tableName } from './statements.ts';

export interface Target {
  req: RestRequest;
  relation: Relation;
  query: QueryParams;
  plan: ReadPlan;
  media: Media;
  params: SqlParams;
}

export function resolveTarget(req: RestRequest, table: string): Target {
  const relation = findRelation(req.cache, req.schema, table);
  const query = req.query();
  const plan = buildReadPlan(req.cache, req.schema, relation.name, query);
  const accept = Array.isArray(req.headers.accept) ? req.headers.accept.join(',') : req.headers.accept;
  const media = negotiate(accept, ['json', 'object', 'csv']);
  return { req, relation, query, plan, media, params: new SqlParams() };
}

/** The request body; its keys (or `columns=`) must all be columns of the relation. */
export function targetPayload(target: Target): { payload: Payload; columns: string[] } {
  const contentType = target.req.headers['content-type'];
  const payload = readPayload(target.req.body, Array.isArray(contentType) ? contentType[0] : contentType, target.query.columns !== undefined);
  const columns = target.query.columns ?? payload.keys;
  for (const column of columns) {
    if (!target.relation.columnsByName.has(column)) {
      throw new ApiError(400, 'PGRST204', `Could not find the '${column}' column of '${target.relation.name}' in the schema cache`);
    }
  }
  return { payload, columns };
}

/** The root filters (and `or=`/`and=` trees) as conditions on the table. */
export function whereSql(target: Target): string[] {
  const table = tableName(target.relation);
  const root = target.plan.root;
  return [
    ...root.filters.map((f) => filterSql(table, f, target.params)),
    ...root.logic.map((t) => logicSql(table, t, target.params)),
  ];
}

/**
 * The representation: the read plan's SELECT over the affected rows, unfiltered and unlimited, in
 * `order=` order. (`limit`/`offset` do not limit a PATCH or DELETE: PostgREST 13 dropped limited
 * updates and deletes; `Prefer: max-affected` with handling=strict is what guards them now.)
 */
export function representation(target: Target): (source: RootSource) => string {
  return (source) => buildSelectSql(target.plan, target.params, { source, rootFilters: false, range: null });
}
