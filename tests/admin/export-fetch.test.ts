// The export's fetching (admin/src/export/fetchRows.ts) and a whole export (exportJob.ts), against
// the test stack through supabase-js as signed-in users: every row the list's filters match, in the
// list's order, pages neither overlapping nor skipping, the same rows as @refinedev/supabase's
// getList, row-level security applied, errors reported.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { dataProvider } from '@refinedev/supabase';
import type { CrudFilter, CrudSort } from '@refinedev/core';
import { sql } from '../helpers/env.ts';
import { createWorld, type World } from '../model/world.ts';
import { as } from '../model/refusals.ts';
import { ExportFetchError, fetchAllRows, stableOrder, type Progress } from '../../admin/src/export/fetchRows.ts';
import { runExport } from '../../admin/src/export/exportJob.ts';
import type { ExportEvent, ExportRequest } from '../../admin/src/export/protocol.ts';
import { BOM } from '../../admin/src/export/csv.ts';

const PRODUCTS = 2345;
let world: World;
let filters: CrudFilter[];
const sorters: CrudSort[] = [{ field: 'name', order: 'desc' }];
let expectedIds: string[];

before(async () => {
  world = await createWorld();
  // Seven names repeat, so the order needs its tiebreak (the primary key) to be total.
  await sql(`insert into public.products (sku, name, status)
             select 'EXP-' || $1 || '-' || i, 'Export ' || $1 || ' ' || (i % 7), case when i % 3 = 0 then 'draft' else 'active' end
               from generate_series(1, $2::int) i`, [world.tag, PRODUCTS]);
  filters = [
    { field: 'sku', operator: 'startswith', value: `EXP-${world.tag}-` },
    { field: 'status', operator: 'eq', value: 'active' },
    { field: 'brand', operator: 'eq', value: undefined }, // a cleared filter: Refine drops it, so must the export
  ];
  expectedIds = (await sql(`select id from public.products where sku like 'EXP-' || $1 || '-%' and status = 'active' order by name desc, id`, [world.tag]))
    .map((row) => row.id);
  assert.ok(expectedIds.length > 1500);
});

async function fetchIds(persona: 'admin' | 'supplierX', pageSize: number, concurrency = 3) {
  const ids: string[] = [];
  const progress: Progress[] = [];
  const count = await fetchAllRows(as(world, persona), { resource: 'products', select: 'id,name', filters, sorters, primaryKey: 'id', pageSize, concurrency },
    (rows, step) => { ids.push(...rows.map((row) => String(row.id))); progress.push(step); });
  return { ids, progress, count };
}

describe('fetching every matching row', () => {
  test('the order is the sorters then the primary key', () => {
    assert.deepEqual(stableOrder(sorters, 'id', 'id,name'), [{ field: 'name', order: 'desc' }, { field: 'id', order: 'asc' }]);
    assert.deepEqual(stableOrder([{ field: 'id', order: 'desc' }], 'id', 'id'), [{ field: 'id', order: 'desc' }]);
    assert.deepEqual(stableOrder([], null, 'a,b'), [{ field: 'a', order: 'asc' }, { field: 'b', order: 'asc' }]);
  });

  test('pages of 500, three at a time: all the rows, once each, in the list’s order, with progress', async () => {
    const { ids, progress, count } = await fetchIds('admin', 500);
    assert.equal(count, expectedIds.length);
    assert.deepEqual(ids, expectedIds);
    assert.equal(progress.length, Math.ceil(expectedIds.length / 500));
    assert.ok(progress.every((step) => step.total === expectedIds.length));
    assert.deepEqual(progress.map((step) => step.fetched), progress.map((_, i) => Math.min((i + 1) * 500, expectedIds.length)));
  });

  test('one page at a time gives the same rows', async () => {
    assert.deepEqual((await fetchIds('admin', 700, 1)).ids, expectedIds);
  });

  test('pages bigger than the API’s max_rows (1000): the export follows the server’s page size', async () => {
    const { ids, progress } = await fetchIds('admin', 5000);
    assert.deepEqual(ids, expectedIds);
    assert.equal(progress[0].fetched, 1000);
  });

  test('the same rows as @refinedev/supabase’s getList with those filters and sorters', async () => {
    // @refinedev/supabase resolves supabase-js's CommonJS types, the tests its ES module ones: same class.
    const list = await dataProvider(as(world, 'admin') as unknown as Parameters<typeof dataProvider>[0]).getList({
      resource: 'products', filters: filters.filter((f) => 'value' in f && f.value !== undefined), sorters: stableOrder(sorters, 'id', 'id'),
      pagination: { currentPage: 2, pageSize: 100 }, meta: { select: 'id' },
    });
    assert.equal(list.total, expectedIds.length);
    assert.deepEqual(list.data.map((row) => row.id), expectedIds.slice(100, 200));
  });

  test('under row-level security: a supplier exports none of those products', async () => {
    const { ids, count } = await fetchIds('supplierX', 500);
    assert.deepEqual([ids, count], [[], 0]);
  });

  test('a refused query fails with PostgREST’s code and message', async () => {
    await assert.rejects(
      fetchAllRows(as(world, 'admin'), { resource: 'products', select: 'id,no_such_column', filters: [], sorters: [], primaryKey: 'id' }, () => undefined),
      (error: ExportFetchError) => error instanceof ExportFetchError && error.code === '42703' && /no_such_column/.test(error.message),
    );
  });
});

describe('a whole export', () => {
  const request = (format: ExportRequest['format']): ExportRequest => ({
    format, api: { url: '', anonKey: '', accessToken: '' }, resource: 'products', primaryKey: 'id', filters, sorters, locale: 'fr',
    columns: [{ name: 'sku', label: 'Référence', kind: 'text', currency: null }, { name: 'name', label: 'Nom', kind: 'text', currency: null }],
    text: { title: 'Produits', filters: '', generated: '', pageOf: 'Page {{page}} / {{pages}}', yes: 'Oui', no: 'Non' },
  });

  test('CSV: progress, then writing, then the file with a header and every row', async () => {
    const events: ExportEvent[] = [];
    await runExport(as(world, 'admin'), request('csv'), (event) => events.push(event));
    const last = events.at(-1)!;
    assert.equal(last.type, 'done', JSON.stringify(last));
    assert.deepEqual(events.filter((e) => e.type !== 'progress').map((e) => e.type), ['writing', 'done']);
    const bytes = Buffer.from(await (last as Extract<ExportEvent, { type: 'done' }>).file.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark');
    const lines = bytes.toString('utf8').split('\r\n');
    assert.equal(lines[0], `${BOM}Référence,Nom`);
    assert.equal(lines.length, expectedIds.length + 2); // header, rows, and the empty string after the last CRLF
    assert.deepEqual(new Set(lines.slice(1, -1)).size, expectedIds.length);
  });

  test('PDF: more rows than a PDF holds stops after the first page with a reason', async () => {
    const events: ExportEvent[] = [];
    await runExport(as(world, 'admin'), request('pdf'), (event) => events.push(event), { pdfMaxRows: 1000, pageSize: 200 });
    assert.deepEqual(events, [{ type: 'failed', code: 'too_many_rows', message: `${expectedIds.length} rows match: a PDF holds at most 1000`, max: 1000, total: expectedIds.length }]);
  });

  test('a refusal ends the export with the database’s reason', async () => {
    const events: ExportEvent[] = [];
    await runExport(as(world, 'admin'), { ...request('xlsx'), resource: 'no_such_table' }, (event) => events.push(event));
    assert.equal(events.length, 1);
    assert.equal(events[0].type, 'failed');
    assert.equal((events[0] as Extract<ExportEvent, { type: 'failed' }>).code, 'PGRST205');
  });
});
