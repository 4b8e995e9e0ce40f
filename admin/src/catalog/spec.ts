// What the admin screens are built from: a resource as the generated CRUD sees it, derived from the
// catalog (types.ts) by derive.ts for one user and one locale. Pure data, no React.
import type { CatalogResource, Widget } from './types.ts';

export type Locale = 'fr' | 'en';

/** The filter control a list offers for a column. */
export type FilterKind = 'text' | 'number' | 'money' | 'boolean' | 'enum' | 'date' | 'datetime' | 'uuid' | 'reference' | 'array' | 'none';

export interface FieldSpec {
  name: string;
  /** Label in the user's locale: the comment's label, else the column name made readable. */
  label: string;
  help: string | null;
  widget: Widget;
  /** Postgres type, for formatting and coercion (e.g. "integer", "numeric", "text[]"). */
  type: string;
  /** Element widget for arrays ('text', 'number', 'enum', 'uuid'). */
  elementWidget: Widget | null;
  enumValues: string[] | null;
  /** Not null, no default, not generated, and insertable by this user: the form requires it on create. */
  required: boolean;
  nullable: boolean;
  /** Shown but not editable in the create / edit form (generated, identity, no privilege, role limit). */
  readOnlyOnCreate: boolean;
  readOnlyOnEdit: boolean;
  /** Left out of forms entirely on create (generated, identity, or not insertable by this user). */
  omitOnCreate: boolean;
  hidden: boolean;
  order: number;
  sortable: boolean;
  filter: FilterKind;
  maxLength: number | null;
  /** Foreign key: the target resource, its key column, and the column that names its rows. */
  reference: { resource: string; column: string; titleColumn: string } | null;
  /** widget 'money': amounts are integer minor units; currency from a sibling column or fixed code. */
  currency: { column: string } | { code: string } | null;
  /** widget 'image': the storage bucket uploads go to. */
  bucket: string | null;
}

export interface ResourceSpec {
  name: string;
  label: string;
  /** Menu group key (see i18n messages "group.<key>"), 'other' when the comment names none. */
  group: string;
  kind: CatalogResource['kind'];
  /** The single-column primary key the routes use, or null (then no show/edit/delete). */
  primaryKey: string | null;
  /** The column naming a row: comment "title", else name/title/label/number/code/sku/email, else the key. */
  titleColumn: string;
  can: CatalogResource['can'];
  search: CatalogResource['search'];
  fields: FieldSpec[];
  /** Columns shown in the list by default, in order. */
  listColumns: string[];
  /** 'exact' for small tables, 'planned' above ~50k estimated rows (exact counts of 1M rows are slow). */
  countMode: 'exact' | 'planned';
  hidden: boolean;
  order: number;
}
