// The contract of `public.admin_catalog()` (supabase/migrations/20261206120000_admin_catalog.sql):
// what the database says about every table and view the signed-in user can reach, and what
// they may do with it. The admin derives its resources from this at run time.

/** The JSON convention for `COMMENT ON TABLE|VIEW|COLUMN`: a comment that is a JSON object. */
export interface CommentMeta {
  /** Label per locale, e.g. { "fr": "Produits", "en": "Products" }. */
  label?: { fr?: string; en?: string };
  /** Not shown in lists, forms or the menu (still reachable by URL if the user may read it). */
  hidden?: boolean;
  /** Position among siblings (columns in a table, tables in the menu); lower first. */
  order?: number;
  /** How a column is edited and shown; overrides the one derived from its type. */
  widget?: Widget;
  /** Table only: the column that names a row (shown in foreign-key selects, titles, breadcrumbs). */
  title?: string;
  /** Table only: the menu group, e.g. "catalogue", "sales", "customers", "suppliers", "marketing", "settings". */
  group?: string;
  /** Table only: columns shown in the list by default (others are in the column chooser). */
  list?: string[];
  /** Column only, for widget "money": the column holding the ISO currency, or a fixed code. */
  currency?: string;
  /** Column only, for widget "image": the storage bucket the upload goes to. */
  bucket?: string;
  /** Free help text per locale shown under a form field. */
  help?: { fr?: string; en?: string };
}

export type Widget =
  | 'text' | 'textarea' | 'number' | 'money' | 'boolean' | 'enum' | 'date' | 'datetime' | 'time'
  | 'json' | 'array' | 'image' | 'uuid' | 'email' | 'url' | 'color' | 'readonly';

export interface CatalogColumn {
  name: string;
  /** Postgres type as format_type prints it: "text", "integer", "numeric(10,2)", "timestamp with time zone", "text[]", "public.order_status". */
  type: string;
  /** The base type's category: pg_type.typcategory (S string, N numeric, B boolean, D date/time, U user/uuid/json, A array, E enum). */
  category: string;
  /** For arrays, the element type; null otherwise. */
  element_type: string | null;
  /** Enum labels, in their declared order, when the column (or its array element) is an enum; or the
   *  values a text column's only check lists (`status text check (status in ('a', 'b'))`), in that order. */
  enum: string[] | null;
  nullable: boolean;
  /** The column default as SQL text, or null. A column with a default need not be sent on insert. */
  default: string | null;
  /** Generated (computed) or identity columns: never sent on insert or update. */
  generated: boolean;
  identity: boolean;
  /** Character limit for varchar(n), or null. */
  max_length: number | null;
  /** May the user set this column on insert / update (column privileges, and the role's column limits). */
  insertable: boolean;
  updatable: boolean;
  /** Single-column foreign key this column belongs to, if any. */
  references: { schema: string; table: string; column: string } | null;
  position: number;
  /** The comment when it is a JSON object, as written: its keys are checked by comments.ts
   *  validateCommentMeta (derive.ts does), not by the database. */
  comment: CommentMeta | null;
  /** The comment when it is plain text rather than a JSON object (broken JSON comes here, as written). */
  description: string | null;
}

export interface CatalogResource {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  primary_key: string[];
  /** What this user may do. A false here means the admin does not offer the action. */
  can: { select: boolean; insert: boolean; update: boolean; delete: boolean };
  /** A tsvector column with a GIN index, searchable with PostgREST's `fts`/`wfts`; null if none. */
  search: { column: string; config: string | null } | null;
  columns: CatalogColumn[];
  /** As CatalogColumn.comment: a JSON object comment as written. */
  comment: CommentMeta | null;
  description: string | null;
  /** Estimated row count (pg_class.reltuples; 0 when never analysed, and for views), to choose between exact and planned counts. */
  estimated_rows: number;
}

export interface CatalogUser {
  id: string;
  email: string | null;
  display_name: string | null;
  locale: 'fr' | 'en';
  roles: Array<'admin' | 'staff' | 'marketer' | 'supplier'>;
  shop_ids: string[];
  supplier_ids: string[];
}

export interface Catalog {
  user: CatalogUser;
  resources: CatalogResource[];
}
