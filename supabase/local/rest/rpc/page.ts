// What a call's rows go through before they are sent, like a table's: select=, filters, order=,
// limit/offset, and the count. Rows of a table type use the read plan (embeds work); rows of an
// anonymous type (RETURNS TABLE, OUT parameters) get plain columns; scalars are passed as they are.
import type { QueryParams, SelectField } from '../query/types.ts';
import type { SchemaCache } from '../schema/types.ts';
import { buildReadPlan } from '../plan/read-plan.ts';
import { buildCountSql, buildSelectSql } from '../sql/select.ts';
import { fieldSql, filterSql, logicSql } from '../sql/filters.ts';
import { ident, type SqlParams } from '../sql/params.ts';
import type { Routine } from '../schema/types.ts';
import { resultKind, SCALAR, SOURCE } from './call-sql.ts';

export interface Page {
  page: string;
  /** Built on demand: its filters add bind parameters. */
  count: () => string;
  element: string;
  single: boolean;
  offset: number;
}

/** The rows to send: limit/offset, the Range header (GET) and db-max-rows, as read/range.ts decides. */
export interface PageRange {
  offset: number;
  limit?: number;
}

function rangeSql(range: PageRange): { sql: string; offset: number } {
  let sql = '';
  if (range.limit !== undefined) sql += ` LIMIT ${range.limit}`;
  if (range.offset) sql += ` OFFSET ${range.offset}`;
  return { sql, offset: range.offset };
}

function columnSql(q: string, item: SelectField): string {
  if (item.field.name === '*' && item.field.json.length === 0) return `${q}.*`;
  let sql = fieldSql(q, item.field);
  if (item.cast) sql = `CAST(${sql} AS ${item.cast})`;
  const last = item.field.json[item.field.json.length - 1];
  return item.alias || last || item.cast ? `${sql} AS ${ident(item.alias ?? (last ? last.key : item.field.name))}` : sql;
}

/** Rows of an anonymous record type: no schema-cache relation to plan against. */
function anonymousRowsPage(routine: Routine, query: QueryParams, range: PageRange, params: SqlParams): Omit<Page, 'single' | 'element'> {
  const q = ident(routine.name);
  const from = `${SOURCE} AS ${q}`;
  const fields = query.select.filter((s): s is SelectField => s.kind === 'field');
  const columns = fields.length ? fields.map((f) => columnSql(q, f)).join(', ') : `${q}.*`;
  const where = [
    ...query.filters.filter((f) => f.path.length === 0).map((f) => filterSql(q, f.filter, params)),
    ...query.logic.filter((l) => l.path.length === 0).map((l) => logicSql(q, l.tree, params)),
  ];
  const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const terms = query.order.filter((o) => o.path.length === 0).flatMap((o) => o.terms);
  const order = terms.length
    ? ` ORDER BY ${terms.map((t) => `${fieldSql(q, t.field)}${t.direction ? ` ${t.direction.toUpperCase()}` : ''}${t.nulls ? (t.nulls === 'nullsfirst' ? ' NULLS FIRST' : ' NULLS LAST') : ''}`).join(', ')}`
    : '';
  const limit = rangeSql(range);
  return {
    page: `SELECT ${columns} FROM ${from}${whereSql}${order}${limit.sql}`,
    count: () => `SELECT 1 FROM ${from}${whereSql}`,
    offset: limit.offset,
  };
}

export function buildPage(cache: SchemaCache, routine: Routine, query: QueryParams, range: PageRange, params: SqlParams): Page {
  const kind = resultKind(routine);
  if (kind === 'void' || kind === 'scalar' || kind === 'scalar-set') {
    const limit = kind === 'scalar-set' ? rangeSql(range) : { sql: '', offset: 0 };
    return {
      page: `SELECT ${SCALAR} FROM ${SOURCE}${limit.sql}`,
      count: () => `SELECT 1 FROM ${SOURCE}`,
      element: `pgrst_r.${SCALAR}`,
      single: kind !== 'scalar-set',
      offset: limit.offset,
    };
  }
  const single = kind === 'row';
  const rel = routine.returnsRelation;
  if (!rel || !cache.relations.has(`${rel.schema}.${rel.name}`)) {
    return { ...anonymousRowsPage(routine, query, single ? { offset: 0 } : range, params), element: 'pgrst_r', single };
  }
  const plan = buildReadPlan(cache, rel.schema, rel.name, query);
  const alias = ident(rel.name);
  const source = { from: `${SOURCE} AS ${alias}`, qualifier: alias };
  const page = single ? { offset: 0 } : range;
  return {
    page: buildSelectSql(plan, params, { source, range: page }),
    count: () => buildCountSql(plan, params, source),
    element: 'pgrst_r',
    single,
    offset: page.offset,
  };
}
