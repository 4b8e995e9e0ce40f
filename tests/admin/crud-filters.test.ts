// The list's filter controls ↔ Refine CrudFilters, and what those filters select once
// @refinedev/supabase's data provider sends them to PostgREST (the same path the list takes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataProvider } from '@refinedev/supabase';
import type { CrudFilter } from '@refinedev/core';
import { filtersFor, searchFilter, searchText, valueFrom, withFilter, withSearch, type FilterValue } from '../../admin/src/crud/filters/crudFilters.ts';
import { anonClient } from '../helpers/env.ts';
import { memberToken } from '../helpers/members.ts';
import { insertRow, insertRows } from '../model/world.ts';
import { field } from './crud-fixtures.ts';

const tag = Math.random().toString(36).slice(2, 8);
const provider = dataProvider(anonClient(await memberToken('admin')) as never);
const category = await insertRow('categories', { slug: `f-${tag}`, name: `Filtres ${tag}` });
const products = await insertRows('products', [
  { sku: `F1-${tag}`, name: 'Bol en grès', brand: `Atelier-${tag}`, status: 'active', tags: ['cuisine', 'grès'], category_id: category.id },
  { sku: `F2-${tag}`, name: 'Assiette plate', brand: `Atelier-${tag}`, status: 'draft', tags: ['cuisine'], category_id: category.id },
  { sku: `F3-${tag}`, name: 'Vase bleu', brand: `Atelier-${tag}`, status: 'archived', tags: ['déco'] },
]);
await insertRows('product_variants', [
  { product_id: products[0].id, sku: `F1V-${tag}`, price_cents: 1250 },
  { product_id: products[1].id, sku: `F2V-${tag}`, price_cents: 1990 },
  { product_id: products[2].id, sku: `F3V-${tag}`, price_cents: 4500 },
]);

const mine = { field: 'brand', operator: 'eq', value: `Atelier-${tag}` } as const;
async function skus(resource: string, filters: CrudFilter[], own: CrudFilter = mine): Promise<string[]> {
  const { data } = await provider.getList({ resource, filters: [own, ...filters], pagination: { currentPage: 1, pageSize: 50 }, meta: { count: 'exact' } });
  return data.map((row) => String(row.sku)).sort();
}

const status = field('status', { filter: 'enum', widget: 'enum', enumValues: ['draft', 'active', 'archived'] });
const tags = field('tags', { filter: 'array', widget: 'array', type: 'text[]', elementWidget: 'text' });
const isBundle = field('is_bundle', { filter: 'boolean', widget: 'boolean', type: 'boolean' });
const categoryId = field('category_id', { filter: 'reference', widget: 'uuid', type: 'uuid', reference: { resource: 'categories', column: 'id', titleColumn: 'name' } });
const name = field('name', { filter: 'text' });
const price = field('price_cents', { filter: 'money', widget: 'money', type: 'bigint', currency: { code: 'EUR' } });
const created = field('created_at', { filter: 'datetime', widget: 'datetime', type: 'timestamp with time zone' });

test('each control value round-trips through CrudFilters', () => {
  const cases: Array<[ReturnType<typeof field>, FilterValue]> = [
    [name, 'grès'], [status, ['active', 'draft']], [tags, ['cuisine']], [isBundle, false], [categoryId, [category.id]],
    [price, ['12.50', null]], [price, ['10', '20.5']], [created, ['2026-01-01', '2026-12-31']],
    [field('due_on', { filter: 'date', widget: 'date', type: 'date' }), [null, '2026-06-30']],
    [field('id', { filter: 'uuid', widget: 'uuid', type: 'uuid' }), products[0].id],
  ];
  for (const [f, value] of cases) {
    const expected = Array.isArray(value) && f.filter === 'money' ? value.map((v) => (v === null ? null : (Number(v) * 100 / 100).toFixed(2))) : value;
    assert.deepEqual(valueFrom(f, filtersFor(f, value)), expected, `${f.name} ${JSON.stringify(value)}`);
  }
  assert.deepEqual(filtersFor(price, ['12.50', '']), [{ field: 'price_cents', operator: 'gte', value: 1250 }], 'money in minor units');
  assert.deepEqual(filtersFor(status, []), [], 'an emptied control filters nothing');
  const replaced = withFilter(withFilter([], status, ['draft']), status, ['active']);
  assert.deepEqual(replaced, [{ field: 'status', operator: 'in', value: ['active'] }], 'a control replaces its own filters only');
});

test('filters select the rows they say, through the data provider', async () => {
  assert.deepEqual(await skus('products', filtersFor(name, 'GRÈS')), [`F1-${tag}`], 'text contains, case-insensitive');
  assert.deepEqual(await skus('products', filtersFor(status, ['active', 'archived'])), [`F1-${tag}`, `F3-${tag}`]);
  assert.deepEqual(await skus('products', filtersFor(tags, ['cuisine'])), [`F1-${tag}`, `F2-${tag}`]);
  assert.deepEqual(await skus('products', filtersFor(tags, ['cuisine', 'grès'])), [`F1-${tag}`]);
  assert.deepEqual(await skus('products', filtersFor(isBundle, false)), [`F1-${tag}`, `F2-${tag}`, `F3-${tag}`]);
  assert.deepEqual(await skus('products', filtersFor(isBundle, true)), []);
  assert.deepEqual(await skus('products', filtersFor(categoryId, [category.id])), [`F1-${tag}`, `F2-${tag}`]);
  const today = new Date().toISOString().slice(0, 10);
  assert.deepEqual((await skus('products', filtersFor(created, [today, today]))).length, 3, 'a day range includes its last day');
  assert.deepEqual(await skus('products', filtersFor(created, ['2001-01-01', '2001-12-31'])), []);
  const ownVariants = { field: 'sku', operator: 'contains', value: `V-${tag}` } as const;
  assert.deepEqual(await skus('product_variants', filtersFor(price, ['12.50', '19.90']), ownVariants), [`F1V-${tag}`, `F2V-${tag}`], 'money bounds inclusive');
  assert.deepEqual(await skus('product_variants', filtersFor(price, ['19.91', null]), ownVariants), [`F3V-${tag}`]);
});

test('search: full text (wfts in the index configuration) when indexed, else title contains', async () => {
  const indexed = { search: { column: 'search', config: 'simple' }, titleColumn: 'name' };
  const plain = { search: null, titleColumn: 'name' };
  assert.deepEqual(searchFilter(indexed, ' bol grès '), { field: 'search', operator: 'wfts(simple)', value: 'bol grès' });
  assert.deepEqual(searchFilter(plain, 'bol'), { field: 'name', operator: 'contains', value: 'bol' });
  assert.equal(searchFilter(plain, '  '), null);
  const filters = withSearch(indexed, [{ field: 'status', operator: 'in', value: ['active'] }], 'vase');
  assert.equal(searchText(indexed, filters), 'vase');
  assert.deepEqual(withSearch(indexed, filters, ''), [{ field: 'status', operator: 'in', value: ['active'] }]);

  assert.deepEqual(await skus('products', [searchFilter(indexed, 'bol')!]), [`F1-${tag}`]);
  assert.deepEqual(await skus('products', [searchFilter(indexed, `assiette OR vase`)!]), [`F2-${tag}`, `F3-${tag}`], 'web search syntax');
  assert.deepEqual(await skus('products', [searchFilter(indexed, `bol -grès`)!]), []);
  assert.deepEqual(await skus('products', [searchFilter(plain, 'SIETTE')!]), [`F2-${tag}`]);
});
