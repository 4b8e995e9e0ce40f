// Wraps a data-changing statement in the one query PostgREST sends: the statement as a CTE, then
// the affected-row count, inserted-row count, Location key, representation (json) and the
// response.* settings SQL may have set, as one row.
import type { Relation } from '../schema/types.ts';
import type { RootSource } from '../sql/select.ts';
import { ident } from '../sql/params.ts';

export const SOURCE = 'pgrst_source';

export interface OuterSpec {
  statement: string;
  relation: Relation;
  /** The representation query over `source` (see sourceFor), or undefined when no body is sent. */
  representation?: (source: RootSource) => string;
  /** Strip null values from the representation (`;nulls=stripped`). */
  stripNulls: boolean;
  /** The representation as CSV (Accept: text/csv) instead of a JSON array. */
  csv?: boolean;
  /** The statement returns `pgrst_inserted`. */
  inserted: boolean;
  /** The statement returns the primary key: build a Location from the first row. */
  location: boolean;
  /** The statement returns extra columns beyond the table's (pgrst_inserted). */
  extraColumns: boolean;
}

export interface OuterRow {
  total: number;
  inserted: number | null;
  location: string[] | null;
  body: string | null;
  guc_headers: string | null;
  guc_status: string | null;
}

/** How the representation reads the affected rows, named like the table so embeds join to it. */
export function sourceFor(relation: Relation, extraColumns: boolean): RootSource {
  const alias = ident(relation.name);
  if (!extraColumns) return { from: `${SOURCE} AS ${alias}`, qualifier: alias };
  const cols = relation.columns.map((c) => ident(c.name)).join(', ');
  return { from: `(SELECT ${cols} FROM ${SOURCE}) AS ${alias}`, qualifier: alias };
}

export function outerSql(spec: OuterSpec): string {
  const items = [`(SELECT pg_catalog.count(*) FROM ${SOURCE})::int AS total`];
  items.push(spec.inserted ? `(SELECT pg_catalog.count(*) FROM ${SOURCE} WHERE pgrst_inserted)::int AS inserted` : 'NULL::int AS inserted');
  if (spec.location) {
    const keys = spec.relation.primaryKey.map((c) => `${SOURCE}.${ident(c)}::text`).join(', ');
    items.push(`(SELECT ARRAY[${keys}] FROM ${SOURCE} LIMIT 1) AS location`);
  } else items.push('NULL::text[] AS location');
  if (spec.representation) {
    const select = spec.representation(sourceFor(spec.relation, spec.extraColumns));
    if (spec.csv) items.push(`(${csvSql(select)}) AS body`);
    else {
      const agg = spec.stripNulls ? 'json_strip_nulls(json_agg(pgrst_r))' : 'json_agg(pgrst_r)';
      items.push(`(SELECT coalesce(${agg}, '[]')::text FROM (${select}) AS pgrst_r) AS body`);
    }
  } else items.push('NULL::text AS body');
  items.push(`nullif(current_setting('response.headers', true), '') AS guc_headers`);
  items.push(`nullif(current_setting('response.status', true), '') AS guc_status`);
  return `WITH ${SOURCE} AS (${spec.statement}) SELECT ${items.join(', ')}`;
}

/** A header line of the column names, then one line per row (the row's text form without its parentheses). */
export function csvSql(select: string): string {
  const header = `(SELECT coalesce(string_agg(pgrst_k.k, ','), '') FROM (SELECT json_object_keys(row_to_json(pgrst_h)) AS k FROM (SELECT * FROM (${select}) AS pgrst_h0 LIMIT 1) AS pgrst_h) AS pgrst_k)`;
  const lines = `coalesce(string_agg(substring(pgrst_r::text, 2, length(pgrst_r::text) - 2), chr(10)), '')`;
  return `SELECT ${header} || chr(10) || ${lines} FROM (${select}) AS pgrst_r`;
}
