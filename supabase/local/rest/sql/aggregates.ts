// Aggregate functions in select= (`count()`, `amount.sum()`, `total:amount.avg()::int`), when the
// API allows them (pgrst.db_aggregates_enabled): the aggregated columns, and the GROUP BY of the rest.
import type { SelectField } from '../query/types.ts';
import type { ReadNode } from '../plan/read-plan.ts';
import { fieldSql, type Qualifier } from './filters.ts';
import { ident, typeName } from './params.ts';

export function hasAggregates(node: ReadNode): boolean {
  return node.items.some((i) => i.kind === 'field' && i.field.aggregate !== undefined);
}

/** `SUM("t"."amount") AS "sum"`, with the field cast inside and the aggregate cast outside. */
export function aggregateSelectSql(cols: Qualifier, item: SelectField): string {
  const fn = item.aggregate!.toUpperCase();
  let arg = item.field.name === '*' && item.field.json.length === 0 ? '*' : fieldSql(cols, item.field);
  if (item.cast && arg !== '*') arg = `CAST(${arg} AS ${typeName(item.cast)})`;
  let sql = `${fn}(${arg})`;
  if (item.aggregateCast) sql = `CAST(${sql} AS ${typeName(item.aggregateCast)})`;
  return `${sql} AS ${ident(item.alias ?? item.aggregate!)}`;
}

/** What a non-aggregated field groups by: its expression (cast included), or every column for `*`. */
export function groupTerms(q: string, cols: Qualifier, node: ReadNode, item: SelectField): string[] {
  if (item.field.name === '*' && item.field.json.length === 0) return node.relation.columns.map((c) => `${q}.${ident(c.name)}`);
  const sql = fieldSql(cols, item.field);
  return [item.cast ? `CAST(${sql} AS ${typeName(item.cast)})` : sql];
}
