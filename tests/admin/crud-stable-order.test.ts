// Lists page through rows that tie on the sort column without repeating or skipping any: the key
// is appended as the last sort column (admin/src/crud/list/stableOrder.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataProvider } from '@refinedev/supabase';
import { withStableOrder, withTieBreaker } from '../../admin/src/crud/list/stableOrder.ts';
import { anonClient } from '../helpers/env.ts';
import { memberToken } from '../helpers/members.ts';
import { insertRows } from '../model/world.ts';

test('the key is appended once, after the user\'s sorters, and only when asked for', () => {
  assert.deepEqual(withTieBreaker([{ field: 'brand', order: 'desc' }], 'id'), [{ field: 'brand', order: 'desc' }, { field: 'id', order: 'asc' }]);
  assert.deepEqual(withTieBreaker([], 'id'), [{ field: 'id', order: 'asc' }]);
  assert.deepEqual(withTieBreaker(undefined, 'id'), [{ field: 'id', order: 'asc' }]);
  assert.deepEqual(withTieBreaker([{ field: 'id', order: 'desc' }], 'id'), [{ field: 'id', order: 'desc' }], 'a sort on the key itself is kept as it is');
  assert.deepEqual(withTieBreaker([{ field: 'brand', order: 'asc' }], undefined), [{ field: 'brand', order: 'asc' }]);
});

test('pages of rows that all tie on the sort column cover every row exactly once, in key order', async () => {
  const tag = Math.random().toString(36).slice(2, 8);
  const brand = `Tie-${tag}`;
  const rows = await insertRows('products', Array.from({ length: 7 }, (_, n) => ({ sku: `T${n}-${tag}`, name: `Tie ${n}`, brand })));
  const provider = withStableOrder(dataProvider(anonClient(await memberToken('admin')) as never));
  const seen: string[] = [];
  for (let currentPage = 1; currentPage <= 4; currentPage++) {
    const { data, total } = await provider.getList({
      resource: 'products',
      filters: [{ field: 'brand', operator: 'eq', value: brand }],
      sorters: [{ field: 'brand', order: 'asc' }],
      pagination: { currentPage, pageSize: 2 },
      meta: { stableOrderKey: 'id', count: 'exact' },
    });
    assert.equal(total, 7);
    seen.push(...data.map((row) => String(row.id)));
  }
  assert.deepEqual(seen, rows.map((r) => String(r.id)).sort(), 'every row once, ordered by key within the tie');
});
