// What the schema cache knows about the database, loaded once from the catalog (and on reload).

export interface QualifiedName {
  schema: string;
  name: string;
}

export interface Column {
  name: string;
  /** As format_type prints it: "integer", "character varying", "text[]", "public.mood". */
  type: string;
  /** Element type when the column is an array ("text" for "text[]"). */
  arrayItemType: string | null;
  nullable: boolean;
  /** Default expression as Postgres prints it, or null. */
  default: string | null;
  maxLength: number | null;
  enumValues: string[];
  description: string | null;
  position: number;
  generated: boolean;
  identity: boolean;
}

export type RelationKind = 'table' | 'view' | 'materialized view' | 'foreign table' | 'partitioned table';

export interface Relation extends QualifiedName {
  oid: number;
  kind: RelationKind;
  description: string | null;
  insertable: boolean;
  updatable: boolean;
  deletable: boolean;
  columns: Column[];
  columnsByName: Map<string, Column>;
  /** Primary key columns (for views: the base table's, when the view exposes all of them). */
  primaryKey: string[];
}

export type Cardinality = 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';

export interface Junction {
  table: QualifiedName;
  constraint1: string;
  constraint2: string;
  /** [source column, junction column] pairs. */
  sourceColumns: Array<[string, string]>;
  /** [target column, junction column] pairs. */
  targetColumns: Array<[string, string]>;
}

export interface Relationship {
  table: QualifiedName;
  foreignTable: QualifiedName;
  cardinality: Cardinality;
  /** FK constraint name (for M2M: unused, see junction). */
  constraint: string;
  /** [table column, foreign table column] pairs (empty for M2M). */
  columns: Array<[string, string]>;
  junction?: Junction;
  isSelf: boolean;
  /** True when `table` holds the foreign key columns (many-to-one, and that side of a one-to-one). */
  fkOwner: boolean;
  /** A computed relationship: this function of a `table` row returns the `foreignTable` rows. */
  computed?: QualifiedName;
}

export interface RoutineParam {
  name: string;
  type: string;
  /** Type without array suffix details: pg_type name, for casting. */
  typeName: string;
  required: boolean;
  variadic: boolean;
  /** Set when the parameter is a table's row type (computed fields and relationships). */
  rowTypeOf?: QualifiedName;
}

export interface Routine extends QualifiedName {
  oid: number;
  description: string | null;
  params: RoutineParam[];
  returnType: QualifiedName;
  returnsSet: boolean;
  /** Returns a table's row type or a composite (TABLE(...), OUT params); a bare `record` is a scalar. */
  returnsComposite: boolean;
  returnsVoid: boolean;
  /** The relation the function returns rows of, when it returns a table/view row type. */
  returnsRelation: QualifiedName | null;
  volatility: 'immutable' | 'stable' | 'volatile';
  hasVariadic: boolean;
  /** Estimated rows (`ROWS n`) of a set-returning function; `ROWS 1` makes a computed relationship to-one. */
  rows: number;
  /** Names of the OUT, INOUT and TABLE parameters, in order (a single one makes rows objects). */
  outParams: string[];
}

export interface SchemaCache {
  /** Keyed by `${schema}.${name}`. */
  relations: Map<string, Relation>;
  /** Relationships whose `table` is the key `${schema}.${name}`. */
  relationships: Map<string, Relationship[]>;
  /** Overloads, keyed by `${schema}.${name}`. */
  routines: Map<string, Routine[]>;
  /** Computed fields: relation key → function name → a function taking the relation's row. */
  computedFields: Map<string, Map<string, Routine>>;
  /** Per-role settings applied to each request (statement_timeout …), as PostgREST does. */
  roleSettings: Map<string, Array<[string, string]>>;
  /** Time zone names Postgres knows (for Prefer: timezone=…). */
  timezones: Set<string>;
  /** When this cache was loaded. */
  loadedAt: Date;
}

export function qualifiedKey(schema: string, name: string): string {
  return `${schema}.${name}`;
}
