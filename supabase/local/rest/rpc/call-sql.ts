// The SQL of a function call: its arguments (one JSON bind parameter for a POST body, one typed
// parameter each for GET), the call as the CTE `pgrst_source`, and the outer query that pages,
// counts and serialises what it returned.
import type { Routine, RoutineParam } from '../schema/types.ts';
import { csvSql } from '../mutation/outer-query.ts';
import { ident, pgArrayLiteral, qualified, type SqlParams } from '../sql/params.ts';
import { singleObjectJson, type CallArguments } from './arguments.ts';
import type { Resolution } from './resolve.ts';

export const SOURCE = 'pgrst_source';
export const SCALAR = 'pgrst_scalar';

export type ResultKind = 'void' | 'scalar' | 'scalar-set' | 'row' | 'rows';

export function resultKind(routine: Routine): ResultKind {
  if (routine.returnsVoid) return 'void';
  if (routine.returnsComposite || singleOut(routine)) return routine.returnsSet ? 'rows' : 'row';
  return routine.returnsSet ? 'scalar-set' : 'scalar';
}

/** The one OUT/INOUT/TABLE parameter of a function returning a scalar: rows are objects named after it. */
function singleOut(routine: Routine): string | undefined {
  return !routine.returnsComposite && routine.outParams.length === 1 ? routine.outParams[0] : undefined;
}

interface ArgumentSql {
  /** FROM item the argument expressions read (`json_to_record(…) AS pgrst_args(…)`), if any. */
  from?: string;
  exprs: string[];
}

/** The type an argument is cast to. Bare `character` and `bit` mean one character or bit in a cast, so
 *  they are widened (`bpchar`, `varbit`) as PostgREST does: a function parameter has no length anyway. */
function argType(p: RoutineParam): string {
  return p.type.replace(/^character(?=\[\]|$)/, 'bpchar').replace(/^bit(?=\[\]|$)/, 'varbit');
}

function named(p: RoutineParam, expr: string): string {
  return `${p.variadic ? 'VARIADIC ' : ''}${ident(p.name)} := ${expr}`;
}

function argumentSql(resolution: Resolution, args: CallArguments, params: SqlParams): ArgumentSql {
  const { routine, mode } = resolution;
  if (mode === 'whole-body') {
    const p = routine.params[0];
    const value = args.kind === 'text' ? args.text : singleObjectJson(args);
    const expr = `${params.add(value)}::${argType(p)}`;
    return { exprs: [p.name ? named(p, expr) : expr] };
  }
  const given = routine.params.filter((p) => args.keys.includes(p.name));
  if (given.length === 0) return { exprs: [] };
  if (args.kind === 'text') return { exprs: [] };
  if (args.kind === 'query') {
    return {
      exprs: given.map((p) => {
        const values = args.values.get(p.name)!;
        const value = p.variadic ? pgArrayLiteral(values) : values[values.length - 1];
        return named(p, `${params.add(value)}::${argType(p)}`);
      }),
    };
  }
  const columns = given.map((p) => `${ident(p.name)} ${argType(p)}`).join(', ');
  return {
    from: `json_to_record(${params.add(args.json)}::json) AS pgrst_args(${columns})`,
    exprs: given.map((p) => named(p, `pgrst_args.${ident(p.name)}`)),
  };
}

/** `SELECT …` producing the rows of the call: `pgrst_scalar` for scalars, the row's columns otherwise. */
export function callSql(resolution: Resolution, args: CallArguments, params: SqlParams): string {
  const { routine } = resolution;
  const { from, exprs } = argumentSql(resolution, args, params);
  const call = `${qualified(routine.schema, routine.name)}(${exprs.join(', ')})`;
  const kind = resultKind(routine);
  // Scalars (sets too) are called in the select list, as PostgREST does: a `record` needs no column list there.
  if (kind === 'void' || kind === 'scalar' || kind === 'scalar-set') return `SELECT ${call} AS ${SCALAR}${from ? ` FROM ${from}` : ''}`;
  const out = singleOut(routine);
  const fn = out !== undefined ? `${call} AS pgrst_f(${ident(out)})` : `${call} AS pgrst_f`;
  const source = from ? `${from}, LATERAL ${fn}` : fn;
  return `SELECT pgrst_f.* FROM ${source}`;
}

export interface CallOuterSpec {
  call: string;
  /** The page: a SELECT over `pgrst_source` aliased as the caller likes. */
  page: string;
  /** JSON of one page row `pgrst_r` (`pgrst_r` itself for rows, `pgrst_r.pgrst_scalar` for scalars). */
  element: string;
  /** The body is one value (a scalar or one row), not an array. */
  single: boolean;
  stripNulls: boolean;
  /** The rows as CSV (Accept: text/csv). */
  csv?: boolean;
  /** A SELECT over `pgrst_source` whose rows an exact count counts, if the count was asked for. */
  count?: string;
}

export interface CallRow {
  total: number | null;
  page_total: number;
  body: string | null;
  guc_headers: string | null;
  guc_status: string | null;
}

export function callOuterSql(spec: CallOuterSpec): string {
  let agg = `json_agg(${spec.element})`;
  if (spec.stripNulls) agg = `json_strip_nulls(${agg})`;
  const body = spec.csv ? `(${csvSql(spec.page)})` : spec.single ? `(${agg} -> 0)::text` : `coalesce(${agg}, '[]')::text`;
  const total = spec.count ? `(SELECT pg_catalog.count(*) FROM (${spec.count}) AS pgrst_c)::int` : 'NULL::int';
  return (
    `WITH ${SOURCE} AS (${spec.call}) ` +
    `SELECT ${total} AS total, pgrst_page.page_total, pgrst_page.body, ` +
    `nullif(current_setting('response.headers', true), '') AS guc_headers, ` +
    `nullif(current_setting('response.status', true), '') AS guc_status ` +
    `FROM (SELECT pg_catalog.count(*)::int AS page_total, ${body} AS body FROM (${spec.page}) AS pgrst_r) AS pgrst_page`
  );
}
