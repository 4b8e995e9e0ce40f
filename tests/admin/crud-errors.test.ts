// A database refusal lands on the field it concerns. The errors are the real ones: each is
// provoked through PostgREST as a signed-in user, so a change in what Postgres or the stack
// says breaks this test rather than the form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mapDbError, type DbError } from '../../admin/src/crud/errors.ts';
import { anonClient } from '../helpers/env.ts';
import { memberToken } from '../helpers/members.ts';
import { insertRow } from '../model/world.ts';

const PRODUCT_FIELDS = ['sku', 'name', 'description', 'category_id', 'brand', 'status', 'is_bundle', 'tags'];
const tag = Math.random().toString(36).slice(2, 8);
const admin = anonClient(await memberToken('admin'));
const marketer = anonClient(await memberToken('marketer'));
const category = await insertRow('categories', { slug: `cat-${tag}`, name: 'Bols' });
const product = await insertRow('products', { sku: `BOL-${tag}`, name: 'Bol', category_id: category.id });

async function refusal(promise: PromiseLike<{ error: DbError | null }>): Promise<DbError> {
  const { error } = await promise;
  assert.ok(error, 'the database was expected to refuse');
  return error;
}

const onProducts = (values?: Record<string, unknown>) => ({ table: 'products', fields: PRODUCT_FIELDS, values });

test('23502 not null → the column', async () => {
  const error = await refusal(admin.from('products').insert({ sku: `NEW-${tag}`, name: null }));
  assert.equal(error.code, '23502');
  assert.deepEqual(mapDbError(error, onProducts()), { fields: ['name'], reason: { kind: 'required' } });
});

test('23505 unique → the key column and the value', async () => {
  const error = await refusal(admin.from('products').insert({ sku: `BOL-${tag}`, name: 'Another' }));
  assert.equal(error.code, '23505');
  // Postgres leaves out "Key (sku)=(…)" on tables with row-level security: the constraint name tells.
  assert.equal(error.details, null);
  assert.deepEqual(mapDbError(error, onProducts()), { fields: ['sku'], reason: { kind: 'unique', value: '' } });
});

test('23503 foreign key → the referencing column; a delete still referenced → the whole form', async () => {
  const missing = randomUUID();
  const error = await refusal(admin.from('products').insert({ sku: `FK-${tag}`, name: 'x', category_id: missing }));
  assert.equal(error.code, '23503');
  assert.deepEqual(mapDbError(error, onProducts()), { fields: ['category_id'], reason: { kind: 'reference', value: '' } });

  const blocked = await refusal(admin.from('categories').delete().eq('id', category.id));
  assert.equal(blocked.code, '23503');
  assert.deepEqual(mapDbError(blocked, { table: 'categories', fields: ['slug', 'name', 'parent_id'] }), {
    fields: [], reason: { kind: 'stillReferenced', table: 'products' },
  });
});

test('23514 check → the column named in <table>_<column>_check; a constraint naming no field → the whole form', async () => {
  const error = await refusal(admin.from('products').update({ status: 'lost' }).eq('id', product.id));
  assert.equal(error.code, '23514');
  assert.deepEqual(mapDbError(error, onProducts()), { fields: ['status'], reason: { kind: 'check', constraint: 'products_status_check' } });

  const blank = await refusal(admin.from('products').update({ name: '   ' }).eq('id', product.id));
  assert.deepEqual(mapDbError(blank, onProducts()).fields, ['name']);

  const named = await refusal(admin.from('attribute_definitions').insert({ category_id: category.id, code: 'size', label_fr: 'T', label_en: 'S', kind: 'enum', allowed_values: [] }));
  assert.equal(named.code, '23514');
  assert.deepEqual(mapDbError(named, { table: 'attribute_definitions', fields: ['category_id', 'code', 'kind', 'allowed_values', 'required'] }), {
    fields: [], reason: { kind: 'check', constraint: 'attribute_definitions_enum_has_values' },
  });
});

test('22P02 invalid input → the field that holds the quoted value', async () => {
  const error = await refusal(admin.from('products').update({ category_id: 'not-a-uuid' }).eq('id', product.id));
  assert.equal(error.code, '22P02');
  const mapped = mapDbError(error, onProducts({ name: 'Bol', category_id: 'not-a-uuid' }));
  assert.deepEqual(mapped.fields, ['category_id']);
  assert.equal(mapped.reason.kind, 'invalid');
});

test('42501 from app.limit_update_columns → the columns the role may not change', async () => {
  const error = await refusal(marketer.from('products').update({ status: 'active', brand: 'Nope' }).eq('id', product.id));
  assert.equal(error.code, '42501');
  const mapped = mapDbError(error, onProducts());
  assert.deepEqual(new Set(mapped.fields), new Set(['status', 'brand']));
  assert.equal(mapped.reason.kind, 'forbiddenColumns');
});

test('P0001 business rule: the whole form unless it names a field', async () => {
  const child = await insertRow('categories', { slug: `child-${tag}`, name: 'Sous', parent_id: category.id });
  const error = await refusal(admin.from('categories').update({ parent_id: child.id }).eq('id', category.id));
  assert.equal(error.code, 'P0001');
  assert.deepEqual(mapDbError(error, { table: 'categories', fields: ['slug', 'name', 'parent_id'] }), {
    fields: [], reason: { kind: 'rule', detail: error.message },
  });
  // Messages that do name a column, quoted or as a word.
  assert.deepEqual(mapDbError({ code: 'P0001', message: 'the "tracking_number" is required once shipped' }, { table: 'orders', fields: ['status', 'tracking_number'] }).fields, ['tracking_number']);
  assert.deepEqual(mapDbError({ code: 'P0001', message: 'status cannot go back from shipped to paid' }, { table: 'orders', fields: ['status', 'tracking_number'] }).fields, ['status']);
});

test('errors with nothing to go on stay form-level; fields the form does not show are never targeted', () => {
  assert.deepEqual(mapDbError({ code: 'PGRST204', message: "Could not find the 'x' column" }, onProducts()), {
    fields: [], reason: { kind: 'other', detail: "Could not find the 'x' column" },
  });
  assert.deepEqual(mapDbError({ code: '23502', message: 'null value in column "created_by" of relation "products"' }, onProducts()).fields, []);
  // Where Postgres does give the key (tables without row-level security), the key's columns.
  assert.deepEqual(
    mapDbError({ code: '23505', message: 'duplicate key value violates unique constraint "attribute_definitions_unique_code"', details: 'Key (category_id, code)=(abc, size) already exists.' }, { table: 'attribute_definitions', fields: ['category_id', 'code'] }).fields,
    ['category_id', 'code'],
  );
  assert.deepEqual(
    mapDbError({ code: '23505', message: 'duplicate key value violates unique constraint "attribute_definitions_unique_code"' }, { table: 'attribute_definitions', fields: ['category_id', 'code'] }).fields,
    ['code'],
  );
  assert.deepEqual(
    mapDbError({ code: '22003', message: 'value "99999999999" is out of range for type integer' }, { table: 't', fields: ['quantity', 'position'], values: { quantity: 99999999999, position: 1 } }).fields,
    ['quantity'],
  );
  assert.deepEqual(
    mapDbError({ code: '23514', message: 'new row for relation "product_variants" violates check constraint "product_variants_price_cents_check"' }, { table: 'product_variants', fields: ['price', 'price_cents'] }).fields,
    ['price_cents'],
  );
});
