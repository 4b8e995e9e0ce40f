// From the catalog the database gives one user (types.ts) to the resources the generated CRUD
// shows them (spec.ts), in one locale. Pure: no React, no DOM, no fetch, so the rules are unit
// tested on hand-made catalogs (tests/admin/derive.test.ts).
//
// The rules, in short: a comment (comments.ts) says what it says; otherwise the column's type
// and name decide. Every fallback is here, named, so a screen never guesses on its own.
import { validateCommentMeta } from './comments.ts';
import type { FieldSpec, FilterKind, Locale, ResourceSpec } from './spec.ts';
import type { Catalog, CatalogColumn, CatalogResource, CommentMeta, Widget } from './types.ts';

/** Menu groups in the order the menu shows them; unknown groups follow, alphabetically. */
export const GROUP_ORDER = ['overview', 'sales', 'catalogue', 'inventory', 'customers', 'suppliers', 'marketing', 'billing', 'settings', 'other'];

/** Columns that name a row when the table's comment names none, in order of preference. */
export const TITLE_CANDIDATES = ['name', 'title', 'label', 'number', 'code', 'sku', 'email', 'display_name'];

/** Above this many estimated rows a list asks for a planned count: an exact one reads every row. */
export const PLANNED_COUNT_ABOVE = 50_000;

/** How many columns a list shows by default when the table's comment has no `list`. */
export const DEFAULT_LIST_SIZE = 7;

const LONG_TEXT_NAME = /(^|_)(description|notes|body|content|comment)(_|$)/;
const NUMBER_TYPE = /^(smallint|integer|bigint|real|double precision|numeric|decimal)(\(|$)/;
const TEXT_TYPE = /^(text|character varying|character|varchar|char|citext|bpchar)(\(|$)/;

/** "product_variants" → "Product variants". */
export function humanize(name: string): string {
  const words = name.replace(/_+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : name;
}

function localized(text: { fr?: string; en?: string } | undefined, locale: Locale): string | undefined {
  return text?.[locale];
}

/** The widget a column's type and name call for, before its comment has a say. */
export function widgetForType(column: Pick<CatalogColumn, 'name' | 'type' | 'category' | 'enum'>): Widget {
  const type = column.type;
  if (column.category === 'A' || type.endsWith('[]')) return 'array';
  if (column.enum && column.enum.length > 0) return 'enum';
  if (type === 'boolean') return 'boolean';
  if (type === 'date') return 'date';
  if (type.startsWith('timestamp')) return 'datetime';
  if (type.startsWith('time')) return 'time';
  if (type === 'json' || type === 'jsonb') return 'json';
  if (type === 'uuid') return 'uuid';
  if (NUMBER_TYPE.test(type)) return type === 'bigint' && column.name.endsWith('_cents') ? 'money' : 'number';
  if (TEXT_TYPE.test(type) || column.category === 'S') return LONG_TEXT_NAME.test(column.name) ? 'textarea' : 'text';
  // bytea, tsvector and other types the admin cannot edit: shown as they come, never sent.
  return 'readonly';
}

/** The widget of an array's elements: the same rules on the element type. */
function elementWidget(column: CatalogColumn): Widget | null {
  if (column.category !== 'A' && !column.type.endsWith('[]')) return null;
  const element = column.element_type ?? column.type.replace(/\[\]$/, '');
  const widget = widgetForType({ name: '', type: element, category: '', enum: column.enum });
  return widget === 'readonly' ? 'text' : widget;
}

export function filterFor(widget: Widget, isReference: boolean): FilterKind {
  if (isReference) return 'reference';
  switch (widget) {
    case 'text': case 'textarea': case 'email': case 'url': case 'color': case 'image': return 'text';
    case 'number': return 'number';
    case 'money': return 'money';
    case 'boolean': return 'boolean';
    case 'enum': return 'enum';
    case 'date': return 'date';
    case 'datetime': return 'datetime';
    case 'uuid': return 'uuid';
    case 'array': return 'array';
    default: return 'none';
  }
}

function validated(meta: CommentMeta | null): CommentMeta {
  return validateCommentMeta(meta).meta ?? {};
}

/** The column naming a row: the comment's `title`, else a conventional name, else the key. */
export function titleColumnOf(resource: CatalogResource, meta: CommentMeta): string {
  const names = new Set(resource.columns.map((c) => c.name));
  if (meta.title && names.has(meta.title)) return meta.title;
  const conventional = TITLE_CANDIDATES.find((name) => names.has(name));
  if (conventional) return conventional;
  return resource.primary_key[0] ?? resource.columns[0]?.name ?? 'id';
}

function currencyOf(meta: CommentMeta, widget: Widget, resource: CatalogResource): FieldSpec['currency'] {
  if (widget !== 'money') return null;
  if (meta.currency) {
    if (resource.columns.some((c) => c.name === meta.currency)) return { column: meta.currency };
    if (/^[A-Z]{3}$/.test(meta.currency)) return { code: meta.currency };
  }
  return resource.columns.some((c) => c.name === 'currency') ? { column: 'currency' } : null;
}

function isBookkeepingTimestamp(column: CatalogColumn): boolean {
  return (column.name === 'created_at' || column.name === 'updated_at') && column.default !== null && column.category === 'D';
}

/** The row's key when the database makes it (gen_random_uuid(), a sequence): nobody types it, and changing it would orphan the URL. */
function isGeneratedKey(column: CatalogColumn, resource: CatalogResource): boolean {
  return resource.primary_key.length === 1 && resource.primary_key[0] === column.name && column.default !== null;
}

function deriveField(
  column: CatalogColumn,
  resource: CatalogResource,
  titles: Map<string, string>,
  locale: Locale,
): FieldSpec {
  const meta = validated(column.comment);
  const typeWidget = widgetForType(column);
  const widget = meta.widget ?? typeWidget;
  const target = column.references;
  const reference =
    target && target.schema === resource.schema && titles.has(target.table)
      ? { resource: target.table, column: target.column, titleColumn: titles.get(target.table)! }
      : null;
  // Bookkeeping timestamps are the database's to set (a default on insert, a trigger on update),
  // and so is a key with a default.
  const computed = column.generated || column.identity || isBookkeepingTimestamp(column) || isGeneratedKey(column, resource);
  return {
    name: column.name,
    label: localized(meta.label, locale) ?? humanize(column.name),
    help: localized(meta.help, locale) ?? column.description ?? null,
    widget,
    type: column.type,
    elementWidget: widget === 'array' ? elementWidget(column) : null,
    enumValues: column.enum,
    // What the database fills itself (a trigger, say) is not asked of a user who may not set it.
    required: !column.nullable && column.default === null && !computed && column.insertable,
    nullable: column.nullable,
    readOnlyOnCreate: computed || !column.insertable,
    readOnlyOnEdit: computed || !column.updatable,
    omitOnCreate: computed || !column.insertable,
    hidden: meta.hidden ?? typeWidget === 'readonly',
    order: meta.order ?? column.position,
    sortable: widget !== 'json' && widget !== 'array' && typeWidget !== 'readonly',
    filter: filterFor(widget, reference !== null),
    maxLength: column.max_length,
    reference,
    currency: currencyOf(meta, widget, resource),
    bucket: widget === 'image' ? meta.bucket ?? null : null,
  };
}

/** The comment's `list` (columns that exist and are shown), else the title and the next visible columns. */
function listColumnsOf(meta: CommentMeta, fields: FieldSpec[], titleColumn: string, primaryKey: string | null): string[] {
  const shown = fields.filter((f) => !f.hidden);
  const named = (meta.list ?? []).filter((name) => shown.some((f) => f.name === name));
  if (named.length > 0) return named;
  const title = shown.find((f) => f.name === titleColumn);
  const others = shown.filter(
    (f) => f !== title && f.widget !== 'json' && f.widget !== 'textarea' && !(f.name === primaryKey && title !== undefined),
  );
  return [title, ...others].filter((f): f is FieldSpec => f !== undefined).slice(0, DEFAULT_LIST_SIZE).map((f) => f.name);
}

function groupRank(group: string): [number, string] {
  const index = GROUP_ORDER.indexOf(group);
  return [index === -1 ? GROUP_ORDER.length : index, group];
}

export function compareResources(a: ResourceSpec, b: ResourceSpec): number {
  const [ga, gna] = groupRank(a.group);
  const [gb, gnb] = groupRank(b.group);
  return ga - gb || gna.localeCompare(gnb) || a.order - b.order || a.label.localeCompare(b.label);
}

export function deriveResources(catalog: Catalog, locale: Locale): ResourceSpec[] {
  const metas = new Map(catalog.resources.map((r) => [r.name, validated(r.comment)]));
  // Titles first: a foreign key shows its target's title column.
  const titles = new Map(catalog.resources.map((r) => [r.name, titleColumnOf(r, metas.get(r.name)!)]));
  const specs = catalog.resources.map((resource): ResourceSpec => {
    const meta = metas.get(resource.name)!;
    const primaryKey = resource.primary_key.length === 1 ? resource.primary_key[0] : null;
    const titleColumn = titles.get(resource.name)!;
    const fields = resource.columns
      .map((column) => deriveField(column, resource, titles, locale))
      // stable: equal orders keep the table's column order
      .sort((a, b) => a.order - b.order);
    return {
      name: resource.name,
      label: localized(meta.label, locale) ?? humanize(resource.name),
      group: meta.group ?? 'other',
      kind: resource.kind,
      primaryKey,
      titleColumn,
      can: resource.can,
      search: resource.search,
      fields,
      listColumns: listColumnsOf(meta, fields, titleColumn, primaryKey),
      countMode: resource.estimated_rows > PLANNED_COUNT_ABOVE ? 'planned' : 'exact',
      hidden: meta.hidden ?? false,
      order: meta.order ?? 1000,
    };
  });
  return specs.sort(compareResources);
}
