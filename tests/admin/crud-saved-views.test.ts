// Saved views: per user and resource, replaced by name, trimmed to the columns that still exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteView, loadViews, saveView, sanitizeView, viewsKey } from '../../admin/src/crud/list/savedViews.ts';
import { MemoryStorage } from './crud-fixtures.ts';

const COLUMNS = ['id', 'sku', 'name', 'status', 'price_cents'];
const view = {
  name: 'Active',
  filters: [{ field: 'status', operator: 'in' as const, value: ['active'] }],
  sorters: [{ field: 'name', order: 'asc' as const }],
  columns: ['sku', 'name'],
  pageSize: 50,
};

test('a saved view comes back as it was saved, for that user and resource only', () => {
  const storage = new MemoryStorage();
  saveView(storage, 'u1', 'products', COLUMNS, view);
  assert.deepEqual(loadViews(storage, 'u1', 'products', COLUMNS), [view]);
  assert.deepEqual(loadViews(storage, 'u2', 'products', COLUMNS), [], 'another user sees none');
  assert.deepEqual(loadViews(storage, 'u1', 'orders', COLUMNS), [], 'another resource has none');
  assert.ok(storage.items.has(viewsKey('u1', 'products')));
});

test('saving under an existing name replaces it; deleting removes it', () => {
  const storage = new MemoryStorage();
  saveView(storage, 'u1', 'products', COLUMNS, view);
  saveView(storage, 'u1', 'products', COLUMNS, { ...view, name: 'Cheap', filters: [{ field: 'price_cents', operator: 'lte', value: 500 }] });
  const replaced = saveView(storage, 'u1', 'products', COLUMNS, { ...view, name: 'active', pageSize: 100 });
  assert.deepEqual(replaced.map((v) => [v.name, v.pageSize]), [['active', 100], ['Cheap', 50]]);
  assert.deepEqual(deleteView(storage, 'u1', 'products', COLUMNS, 'Cheap').map((v) => v.name), ['active']);
  deleteView(storage, 'u1', 'products', COLUMNS, 'active');
  assert.equal(storage.items.size, 0, 'no empty list left behind');
  assert.throws(() => saveView(storage, 'u1', 'products', COLUMNS, { ...view, name: '   ' }), /needs a name/);
});

test('a view from an older schema keeps only what still exists; junk is ignored', () => {
  const old = {
    name: 'Old',
    filters: [{ field: 'gone', operator: 'eq', value: 1 }, { field: 'sku', operator: 'contains', value: 'A' }, { operator: 'or', value: [{ field: 'gone', operator: 'eq', value: 1 }] }],
    sorters: [{ field: 'gone', order: 'asc' }, { field: 'sku', order: 'sideways' }, { field: 'name', order: 'desc' }],
    columns: ['gone', 'name'],
    pageSize: 7,
  };
  assert.deepEqual(sanitizeView(old, COLUMNS), {
    name: 'Old', filters: [{ field: 'sku', operator: 'contains', value: 'A' }], sorters: [{ field: 'name', order: 'desc' }], columns: ['name'], pageSize: 20,
  });
  const storage = new MemoryStorage();
  storage.setItem(viewsKey('u1', 'products'), '{not json');
  assert.deepEqual(loadViews(storage, 'u1', 'products', COLUMNS), []);
  storage.setItem(viewsKey('u1', 'products'), JSON.stringify([null, 3, { name: '' }, old]));
  assert.deepEqual(loadViews(storage, 'u1', 'products', COLUMNS).map((v) => v.name), ['Old']);
});
