// From catalog to screens (admin/src/catalog/derive.ts), on hand-made catalogs: each widget rule,
// the comment overrides, the fallbacks for labels, titles and list columns, count modes, and
// foreign keys to resources the user does not have.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveResources, humanize } from '../../admin/src/catalog/derive.ts';
import type { FieldSpec, ResourceSpec } from '../../admin/src/catalog/spec.ts';
import type { Catalog, CatalogColumn, CatalogResource } from '../../admin/src/catalog/types.ts';

let position = 0;
function col(name: string, type: string, extra: Partial<CatalogColumn> = {}): CatalogColumn {
  position += 1;
  const category = type.endsWith('[]') ? 'A'
    : /^(text|character)/.test(type) ? 'S'
    : /^(integer|bigint|numeric|smallint)/.test(type) ? 'N'
    : type === 'boolean' ? 'B'
    : /^(date|timestamp)/.test(type) ? 'D'
    : 'U';
  return {
    name, type, category, element_type: type.endsWith('[]') ? type.slice(0, -2) : null, enum: null,
    nullable: true, default: null, generated: false, identity: false, max_length: null,
    insertable: true, updatable: true, references: null, position, comment: null, description: null,
    ...extra,
  };
}

function table(name: string, columns: CatalogColumn[], extra: Partial<CatalogResource> = {}): CatalogResource {
  return {
    schema: 'public', name, kind: 'table', primary_key: ['id'], estimated_rows: 10,
    can: { select: true, insert: true, update: true, delete: true }, search: null,
    columns, comment: null, description: null, ...extra,
  };
}

function catalog(...resources: CatalogResource[]): Catalog {
  return { user: { id: 'u', email: 'a@b.c', display_name: 'A', locale: 'fr', roles: ['admin'], shop_ids: [], supplier_ids: [] }, resources };
}

const id = () => col('id', 'uuid', { nullable: false, default: 'gen_random_uuid()' });
const only = (resource: CatalogResource, locale: 'fr' | 'en' = 'en'): ResourceSpec => deriveResources(catalog(resource), locale)[0];
const field = (spec: ResourceSpec, name: string): FieldSpec => {
  const found = spec.fields.find((f) => f.name === name);
  assert.ok(found, `field ${name}`);
  return found;
};

test('widgets and filters follow the column type and name', () => {
  const spec = only(table('things', [
    id(),
    col('name', 'text'),
    col('code', 'character varying(20)', { max_length: 20 }),
    col('description', 'text'),
    col('internal_notes', 'text'),
    col('body', 'text'),
    col('quantity', 'integer'),
    col('ratio', 'numeric(10,2)'),
    col('price_cents', 'bigint'),
    col('views', 'bigint'),
    col('active', 'boolean'),
    col('status', 'text', { enum: ['draft', 'active'] }),
    col('mood', 'public.mood', { category: 'E', enum: ['happy', 'sad'] }),
    col('born_on', 'date'),
    col('seen_at', 'timestamp with time zone'),
    col('opens', 'time without time zone', { category: 'D' }),
    col('settings', 'jsonb'),
    col('raw', 'json'),
    col('tags', 'text[]'),
    col('scores', 'integer[]'),
    col('moods', 'public.mood[]', { enum: ['happy', 'sad'] }),
    col('owner', 'uuid'),
    col('secret', 'bytea'),
    col('search', 'tsvector'),
  ]));
  const expected: Record<string, [string, string, string | null]> = {
    id: ['uuid', 'uuid', null],
    name: ['text', 'text', null],
    code: ['text', 'text', null],
    description: ['textarea', 'text', null],
    internal_notes: ['textarea', 'text', null],
    body: ['textarea', 'text', null],
    quantity: ['number', 'number', null],
    ratio: ['number', 'number', null],
    price_cents: ['money', 'money', null],
    views: ['number', 'number', null],
    active: ['boolean', 'boolean', null],
    status: ['enum', 'enum', null],
    mood: ['enum', 'enum', null],
    born_on: ['date', 'date', null],
    seen_at: ['datetime', 'datetime', null],
    opens: ['time', 'none', null],
    settings: ['json', 'none', null],
    raw: ['json', 'none', null],
    tags: ['array', 'array', 'text'],
    scores: ['array', 'array', 'number'],
    moods: ['array', 'array', 'enum'],
    owner: ['uuid', 'uuid', null],
    secret: ['readonly', 'none', null],
    search: ['readonly', 'none', null],
  };
  for (const [name, [widget, filter, element]] of Object.entries(expected)) {
    const f = field(spec, name);
    assert.deepEqual([f.widget, f.filter, f.elementWidget], [widget, filter, element], name);
  }
  assert.deepEqual(field(spec, 'status').enumValues, ['draft', 'active']);
  assert.equal(field(spec, 'code').maxLength, 20);
  // What the admin cannot edit or show is hidden, and nothing unsortable is offered for sorting.
  assert.deepEqual(spec.fields.filter((f) => f.hidden).map((f) => f.name), ['secret', 'search']);
  assert.deepEqual(spec.fields.filter((f) => !f.sortable).map((f) => f.name), ['settings', 'raw', 'tags', 'scores', 'moods', 'secret', 'search']);
});

test('money takes its currency from the comment, else a sibling currency column, else none', () => {
  const withColumn = only(table('orders', [
    id(),
    col('total_cents', 'bigint'),
    col('fixed_cents', 'bigint', { comment: { currency: 'USD' } }),
    col('other_cents', 'bigint', { comment: { currency: 'billing_currency' } }),
    col('currency', 'character(3)'),
    col('billing_currency', 'character(3)'),
  ]));
  assert.deepEqual(field(withColumn, 'total_cents').currency, { column: 'currency' });
  assert.deepEqual(field(withColumn, 'fixed_cents').currency, { code: 'USD' });
  assert.deepEqual(field(withColumn, 'other_cents').currency, { column: 'billing_currency' });
  const without = only(table('lines', [id(), col('amount_cents', 'bigint'), col('quantity', 'integer')]));
  assert.equal(field(without, 'amount_cents').currency, null);
  assert.equal(field(without, 'quantity').currency, null, 'only money has a currency');
});

test('a column comment overrides the widget, label, help, order, hidden and bucket', () => {
  const spec = only(table('media', [
    id(),
    col('path', 'text', { comment: { widget: 'image', bucket: 'product-media', label: { fr: 'Fichier', en: 'File' }, help: { en: 'A PNG or JPEG' } } }),
    col('amount', 'integer', { comment: { widget: 'money', currency: 'EUR', order: -1 } }),
    col('summary', 'text', { comment: { widget: 'textarea', hidden: true } }),
    col('search', 'tsvector', { comment: { hidden: false } }),
    col('caption', 'text', { description: 'Shown under the image' }),
    col('weird', 'text', { comment: { widget: 'slider', label: { en: 'Weird' } } as never }),
  ]));
  const path = field(spec, 'path');
  assert.deepEqual([path.widget, path.bucket, path.label, path.help, path.filter], ['image', 'product-media', 'File', 'A PNG or JPEG', 'text']);
  assert.deepEqual([field(spec, 'amount').widget, field(spec, 'amount').currency], ['money', { code: 'EUR' }]);
  assert.equal(spec.fields[0].name, 'amount', 'order -1 comes first');
  assert.deepEqual([field(spec, 'summary').widget, field(spec, 'summary').hidden], ['textarea', true]);
  assert.equal(field(spec, 'search').hidden, false, 'the comment can show what the type would hide');
  assert.equal(field(spec, 'caption').help, 'Shown under the image', 'a plain-text comment is the help');
  // A malformed key is ignored (the type decides), the rest of that comment still applies.
  assert.deepEqual([field(spec, 'weird').widget, field(spec, 'weird').label], ['text', 'Weird']);
  assert.equal(field(spec, 'path').bucket, 'product-media');
  assert.equal(field(spec, 'caption').bucket, null, 'no bucket without the image widget');
});

test('labels: the comment in the user locale, else the name made readable', () => {
  const resource = table('product_variants', [
    id(),
    col('price_cents', 'bigint', { comment: { label: { fr: 'Prix', en: 'Price' } } }),
    col('low_stock_threshold', 'integer', { comment: { label: { fr: 'Seuil' } } }),
  ], { comment: { label: { fr: 'Variantes', en: 'Variants' } } });
  const fr = only(resource, 'fr');
  const en = only(resource, 'en');
  assert.deepEqual([fr.label, field(fr, 'price_cents').label, field(fr, 'low_stock_threshold').label], ['Variantes', 'Prix', 'Seuil']);
  assert.deepEqual([en.label, field(en, 'price_cents').label, field(en, 'low_stock_threshold').label], ['Variants', 'Price', 'Low stock threshold']);
  assert.equal(only(table('audit_log', [id()])).label, 'Audit log');
  assert.equal(humanize('__weird__name'), 'Weird name');
});

test('required, read-only and omitted-on-create follow nullability, defaults, generation and privileges', () => {
  const spec = only(table('t', [
    id(),
    col('name', 'text', { nullable: false }),
    col('status', 'text', { nullable: false, default: "'draft'::text" }),
    col('note', 'text'),
    col('total', 'bigint', { nullable: false, generated: true }),
    col('seq', 'bigint', { nullable: false, identity: true, insertable: false, updatable: false }),
    col('number', 'text', { nullable: false, insertable: false, updatable: false }),
    col('shop_id', 'uuid', { nullable: false, updatable: false }),
    col('stock', 'integer', { insertable: false }),
    col('created_at', 'timestamp with time zone', { nullable: false, default: 'now()' }),
    col('updated_at', 'timestamp with time zone', { nullable: false, default: 'now()' }),
    col('delivered_at', 'timestamp with time zone', { default: 'now()' }),
  ]));
  const flags = (name: string) => {
    const f = field(spec, name);
    return { required: f.required, readOnlyOnCreate: f.readOnlyOnCreate, readOnlyOnEdit: f.readOnlyOnEdit, omitOnCreate: f.omitOnCreate };
  };
  assert.deepEqual(flags('name'), { required: true, readOnlyOnCreate: false, readOnlyOnEdit: false, omitOnCreate: false });
  assert.deepEqual(flags('status'), { required: false, readOnlyOnCreate: false, readOnlyOnEdit: false, omitOnCreate: false });
  assert.deepEqual(flags('note'), { required: false, readOnlyOnCreate: false, readOnlyOnEdit: false, omitOnCreate: false });
  assert.deepEqual(flags('total'), { required: false, readOnlyOnCreate: true, readOnlyOnEdit: true, omitOnCreate: true });
  assert.deepEqual(flags('seq'), { required: false, readOnlyOnCreate: true, readOnlyOnEdit: true, omitOnCreate: true });
  // Filled by the database (a trigger): not asked on create, not editable.
  assert.deepEqual(flags('number'), { required: false, readOnlyOnCreate: true, readOnlyOnEdit: true, omitOnCreate: true });
  assert.deepEqual(flags('shop_id'), { required: true, readOnlyOnCreate: false, readOnlyOnEdit: true, omitOnCreate: false });
  assert.deepEqual(flags('stock'), { required: false, readOnlyOnCreate: true, readOnlyOnEdit: false, omitOnCreate: true });
  // Bookkeeping timestamps are the database's; another timestamp with a default stays editable.
  assert.deepEqual(flags('created_at'), { required: false, readOnlyOnCreate: true, readOnlyOnEdit: true, omitOnCreate: true });
  assert.deepEqual(flags('updated_at'), { required: false, readOnlyOnCreate: true, readOnlyOnEdit: true, omitOnCreate: true });
  assert.deepEqual(flags('delivered_at'), { required: false, readOnlyOnCreate: false, readOnlyOnEdit: false, omitOnCreate: false });
});

test('a key the database makes (a default) is omitted on create and read-only; a key without one is typed', () => {
  const generated = only(table('groups', [id(), col('name', 'text', { nullable: false })]));
  const key = field(generated, 'id');
  assert.deepEqual(
    { required: key.required, readOnlyOnCreate: key.readOnlyOnCreate, readOnlyOnEdit: key.readOnlyOnEdit, omitOnCreate: key.omitOnCreate },
    { required: false, readOnlyOnCreate: true, readOnlyOnEdit: true, omitOnCreate: true },
  );
  // Still shown on the show page and in lists: only forms leave it out.
  assert.equal(key.hidden, false);
  // A natural key (no default) is the user's to type on create.
  const natural = only(table('currencies', [col('code', 'text', { nullable: false }), col('name', 'text')], { primary_key: ['code'] }));
  const code = field(natural, 'code');
  assert.deepEqual({ required: code.required, omitOnCreate: code.omitOnCreate, readOnlyOnCreate: code.readOnlyOnCreate }, { required: true, omitOnCreate: false, readOnlyOnCreate: false });
  // A column with a default that is not the key stays editable, and in a composite key nothing is "the" key.
  const other = only(table('links', [
    col('a_id', 'uuid', { nullable: false, default: 'gen_random_uuid()' }),
    col('b_id', 'uuid', { nullable: false }),
    col('token', 'uuid', { nullable: false, default: 'gen_random_uuid()' }),
  ], { primary_key: ['a_id', 'b_id'] }));
  assert.equal(field(other, 'a_id').omitOnCreate, false);
  assert.equal(field(other, 'token').omitOnCreate, false);
});

test('title column: the comment, else a conventional name in order of preference, else the key', () => {
  assert.equal(only(table('a', [id(), col('name', 'text'), col('sku', 'text')], { comment: { title: 'sku' } })).titleColumn, 'sku');
  // A title naming no column falls back.
  assert.equal(only(table('b', [id(), col('name', 'text')], { comment: { title: 'nom' } })).titleColumn, 'name');
  assert.equal(only(table('c', [id(), col('email', 'text'), col('code', 'text'), col('number', 'text')])).titleColumn, 'number');
  assert.equal(only(table('d', [id(), col('display_name', 'text'), col('email', 'text')])).titleColumn, 'email');
  assert.equal(only(table('e', [id(), col('display_name', 'text')])).titleColumn, 'display_name');
  assert.equal(only(table('f', [id(), col('quantity', 'integer')])).titleColumn, 'id');
  assert.equal(only(table('g', [col('entry_id', 'bigint'), col('quantity', 'integer')], { primary_key: ['entry_id'] })).titleColumn, 'entry_id');
});

test('foreign keys: a reference with the target title when the target is in the catalog, else a plain uuid', () => {
  const shops = table('shops', [id(), col('code', 'text'), col('label', 'text')], { comment: { title: 'code' } });
  const orders = table('orders', [
    id(),
    col('shop_id', 'uuid', { references: { schema: 'public', table: 'shops', column: 'id' } }),
    col('warehouse_id', 'uuid', { references: { schema: 'public', table: 'warehouses', column: 'id' } }),
    col('user_id', 'uuid', { references: { schema: 'auth', table: 'shops', column: 'id' } }),
  ]);
  const spec = deriveResources(catalog(orders, shops), 'en').find((r) => r.name === 'orders')!;
  assert.deepEqual(field(spec, 'shop_id').reference, { resource: 'shops', column: 'id', titleColumn: 'code' });
  assert.equal(field(spec, 'shop_id').filter, 'reference');
  assert.equal(field(spec, 'shop_id').widget, 'uuid');
  // The user may not read warehouses: the column stays a uuid they can filter by equality.
  assert.deepEqual([field(spec, 'warehouse_id').reference, field(spec, 'warehouse_id').filter], [null, 'uuid']);
  // Same table name in another schema: not that resource.
  assert.equal(field(spec, 'user_id').reference, null);
});

test('list columns: the comment list (existing, shown columns), else the title then the next visible columns', () => {
  const columns = () => [
    id(),
    col('sku', 'text'),
    col('name', 'text'),
    col('description', 'text'),
    col('attributes', 'jsonb'),
    col('secret', 'bytea'),
    col('a', 'integer'), col('b', 'integer'), col('c', 'integer'), col('d', 'integer'), col('e', 'integer'), col('f', 'integer'), col('g', 'integer'),
  ];
  assert.deepEqual(only(table('p', columns())).listColumns, ['name', 'sku', 'a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(only(table('p', columns(), { comment: { list: ['sku', 'ghost', 'secret', 'b'] } })).listColumns, ['sku', 'b']);
  // A list naming nothing usable falls back.
  assert.deepEqual(only(table('p', columns(), { comment: { list: ['ghost'] } })).listColumns, ['name', 'sku', 'a', 'b', 'c', 'd', 'e']);
  // Without a title column the key names the rows, so it is listed first.
  assert.deepEqual(only(table('q', [id(), col('quantity', 'integer'), col('data', 'json')])).listColumns, ['id', 'quantity']);
});

test('count mode: planned above 50,000 estimated rows', () => {
  assert.equal(only(table('small', [id()], { estimated_rows: 50_000 })).countMode, 'exact');
  assert.equal(only(table('big', [id()], { estimated_rows: 50_001 })).countMode, 'planned');
});

test('resources: group, hidden, order, key, and sorting by group, then order, then label', () => {
  const specs = deriveResources(catalog(
    table('zeta', [id()], { comment: { group: 'catalogue', order: 20, label: { en: 'Zeta' } } }),
    table('alpha', [id()], { comment: { group: 'catalogue', order: 20, label: { en: 'Alpha' } } }),
    table('first', [id()], { comment: { group: 'catalogue', order: 10 } }),
    table('orders', [id()], { comment: { group: 'sales' } }),
    table('loose', [id()]),
    table('custom', [id()], { comment: { group: 'zz-custom' } }),
    table('shops', [id()], { comment: { group: 'settings', hidden: true } }),
    table('pairs', [col('a', 'uuid'), col('b', 'uuid')], { primary_key: ['a', 'b'], kind: 'view' }),
  ), 'en');
  assert.deepEqual(specs.map((s) => `${s.group}/${s.name}`), [
    'sales/orders', 'catalogue/first', 'catalogue/alpha', 'catalogue/zeta', 'settings/shops', 'other/loose', 'other/pairs', 'zz-custom/custom',
  ]);
  const byName = new Map(specs.map((s) => [s.name, s]));
  assert.equal(byName.get('shops')!.hidden, true);
  assert.equal(byName.get('orders')!.hidden, false);
  assert.equal(byName.get('orders')!.order, 1000, 'no order: after the ordered ones');
  assert.equal(byName.get('orders')!.primaryKey, 'id');
  assert.equal(byName.get('pairs')!.primaryKey, null, 'no single-column key: no show, edit or delete');
  assert.equal(byName.get('pairs')!.kind, 'view');
});

test('a malformed table comment keeps its good keys and never throws', () => {
  const spec = only(table('odd_things', [id(), col('name', 'text')], { comment: { label: 'T', group: 7, list: 'name', title: 'name', hidden: 'yes' } as never }));
  assert.deepEqual([spec.label, spec.group, spec.titleColumn, spec.hidden, spec.listColumns], ['Odd things', 'other', 'name', false, ['name']]);
});

test('can and search pass through unchanged', () => {
  const can = { select: true, insert: false, update: true, delete: false };
  const spec = only(table('products', [id(), col('search', 'tsvector')], { can, search: { column: 'search', config: 'simple' } }));
  assert.deepEqual(spec.can, can);
  assert.deepEqual(spec.search, { column: 'search', config: 'simple' });
});
