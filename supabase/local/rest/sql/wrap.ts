// The outer statement PostgREST wraps every read (and return=representation) in: the rows as
// one JSON (or CSV) text built by Postgres, the page size, the optional total count, and the
// response.headers / response.status GUCs, in one round trip.
import type { MediaKind } from '../media.ts';

export interface WrapOptions {
  media: MediaKind;
  stripNulls?: boolean;
  /** A `SELECT 1 FROM …` whose rows are counted for total_result_set (exact count), if any. */
  countSql?: string | null;
  /** Extra CTEs placed before pgrst_source (e.g. a mutation: `pgrst_mutation AS (INSERT … RETURNING …)`). */
  ctes?: string[];
}

/** Columns of the result row: total_result_set (bigint|null), page_total, body (text), response_headers, response_status. */
export function wrapSql(selectSql: string, options: WrapOptions): string {
  const total = options.countSql ? `(SELECT pg_catalog.count(*) FROM (${options.countSql}) _postgrest_c)` : 'null::bigint';
  const ctes = [...(options.ctes ?? []), `pgrst_source AS (${selectSql})`].join(', ');
  return (
    `WITH ${ctes} SELECT ${total} AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, ` +
    `${bodySql(options)} AS body, ` +
    `nullif(current_setting('response.headers', true), '') AS response_headers, ` +
    `nullif(current_setting('response.status', true), '') AS response_status ` +
    `FROM (SELECT * FROM pgrst_source) _postgrest_t`
  );
}

function bodySql(options: WrapOptions): string {
  const agg = options.stripNulls ? 'json_strip_nulls(json_agg(_postgrest_t))' : 'json_agg(_postgrest_t)';
  switch (options.media) {
    case 'object':
      return options.stripNulls
        ? `coalesce(json_strip_nulls(json_agg(_postgrest_t)->0)::text, 'null')`
        : `coalesce((json_agg(_postgrest_t)->0)::text, 'null')`;
    case 'csv':
      return (
        `(SELECT coalesce(string_agg(a.k, ','), '') FROM (SELECT json_object_keys(r) AS k FROM (SELECT row_to_json(hh) AS r FROM pgrst_source AS hh LIMIT 1) s) a)` +
        ` || chr(10) || coalesce(string_agg(substring(_postgrest_t::text, 2, length(_postgrest_t::text) - 2), chr(10)), '')`
      );
    default:
      return `coalesce(${agg}, '[]')::text`;
  }
}
