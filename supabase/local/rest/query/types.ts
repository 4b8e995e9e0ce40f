// The query-string language of PostgREST, as data: what `select=`, filters, `or=`/`and=`, `order=`
// and `limit`/`offset` say, before anything is checked against the schema cache.

export interface JsonOperation {
  arrow: '->' | '->>';
  /** Key name, or the index (e.g. "0", "-1") when `index` is true. */
  key: string;
  index: boolean;
}

/** A column with an optional JSON path: `data->a->>b`. */
export interface Field {
  name: string;
  json: JsonOperation[];
}

export type AggregateName = 'count' | 'sum' | 'avg' | 'max' | 'min';

export interface SelectField {
  kind: 'field';
  field: Field;
  alias?: string;
  cast?: string;
  aggregate?: AggregateName;
  aggregateCast?: string;
}

export interface SelectRelation {
  kind: 'relation';
  name: string;
  alias?: string;
  hint?: string;
  join?: 'inner' | 'left';
  spread: boolean;
  children: SelectItem[];
}

export type SelectItem = SelectField | SelectRelation;

export type QuantOperator = 'eq' | 'gte' | 'gt' | 'lte' | 'lt' | 'like' | 'ilike' | 'match' | 'imatch';
export type SimpleOperator = 'neq' | 'cs' | 'cd' | 'ov' | 'sl' | 'sr' | 'nxr' | 'nxl' | 'adj';
export type FtsOperator = 'fts' | 'plfts' | 'phfts' | 'wfts';
export type IsValue = 'null' | 'not_null' | 'true' | 'false' | 'unknown';

export type Operation =
  | { kind: 'quant'; op: QuantOperator; quantifier?: 'any' | 'all'; value: string }
  | { kind: 'simple'; op: SimpleOperator; value: string }
  | { kind: 'in'; values: string[] }
  | { kind: 'is'; value: IsValue }
  | { kind: 'isdistinct'; value: string }
  | { kind: 'fts'; op: FtsOperator; language?: string; value: string };

export interface Filter {
  field: Field;
  negated: boolean;
  operation: Operation;
}

export type LogicTree =
  | { kind: 'expr'; negated: boolean; operator: 'and' | 'or'; children: LogicTree[] }
  | { kind: 'filter'; filter: Filter };

export interface OrderTerm {
  /** Set for `rel(col).desc`: order by a column of an embedded to-one resource. */
  relation?: string;
  field: Field;
  direction?: 'asc' | 'desc';
  nulls?: 'nullsfirst' | 'nullslast';
}

/** A path of embedded resources (aliases or names) from the root: `clients.projects.limit` → ['clients','projects']. */
export type EmbedPath = string[];

export interface RangeParam {
  offset: number;
  /** Undefined: no limit. */
  limit?: number;
}

export interface QueryParams {
  select: SelectItem[];
  /** Filters, each with the embed path it applies to ([] = the root resource). */
  filters: Array<{ path: EmbedPath; filter: Filter }>;
  logic: Array<{ path: EmbedPath; tree: LogicTree }>;
  order: Array<{ path: EmbedPath; terms: OrderTerm[] }>;
  /** Keyed by the embed path joined with '.' ('' = root). */
  ranges: Map<string, RangeParam>;
  /** `columns=` (for POST/PATCH bodies). */
  columns?: string[];
  /** `on_conflict=` (for upserts). */
  onConflict?: string[];
  /** Parameters without an operator (only collected in RPC mode: GET /rpc/fn?a=1). */
  rpcParams: Array<[string, string]>;
  /** Raw key/value pairs of the query string, in order. */
  raw: Array<[string, string]>;
}
