// The schema cache: reloaded after DDL (event triggers) and on NOTIFY pgrst; PGRST205 hints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get, type Reply } from './read-helpers.ts';
import { sql } from '../helpers/env.ts';

/** Polls until the status (and, if given, the error code) is the one expected, or 5 s passed. */
async function eventually(path: string, status: number, code?: string, timeoutMs = 5000): Promise<Reply> {
  const start = Date.now();
  for (;;) {
    const r = await get(path);
    if ((r.status === status && (code === undefined || r.body?.code === code)) || Date.now() - start > timeoutMs) return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('an unknown table is a 404 PGRST205 with a suggestion when one is close', async () => {
  const r = await get('/fx_supplier');
  assert.equal(r.status, 404);
  assert.deepEqual(r.body, {
    code: 'PGRST205',
    details: null,
    hint: "Perhaps you meant the table 'public.fx_suppliers'",
    message: "Could not find the table 'public.fx_supplier' in the schema cache",
  });
  const far = await get('/zzzzzz');
  assert.deepEqual(far.body, {
    code: 'PGRST205',
    details: null,
    hint: null,
    message: "Could not find the table 'public.zzzzzz' in the schema cache",
  });
});

test('a table created by DDL is served without a restart, and dropped ones disappear', async () => {
  await sql('create table public.cache_probe (id int primary key, label text)');
  try {
    await sql(`insert into public.cache_probe values (1, 'new')`);
    const r = await eventually('/cache_probe', 200);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, [{ id: 1, label: 'new' }]);
  } finally {
    await sql('drop table public.cache_probe');
  }
  const gone = await eventually('/cache_probe', 404, 'PGRST205');
  assert.equal(gone.status, 404);
  assert.equal(gone.body.code, 'PGRST205');
});

test('new foreign keys become embeddable after DDL', async () => {
  await sql('create table public.cache_reviews (id int primary key, product_id int, stars int)');
  try {
    await sql('insert into public.cache_reviews values (1, 2, 5)');
    assert.equal((await eventually('/cache_reviews', 200)).status, 200);
    const before = await get('/cache_reviews?select=id,fx_products(name)');
    assert.equal(before.status, 400);
    assert.equal(before.body.code, 'PGRST200');
    await sql('alter table public.cache_reviews add foreign key (product_id) references public.fx_products (id)');
    const after = await eventually('/cache_reviews?select=id,fx_products(name)', 200);
    assert.equal(after.status, 200);
    assert.deepEqual(after.body, [{ id: 1, fx_products: { name: 'Wool scarf' } }]);
  } finally {
    await sql('drop table public.cache_reviews');
  }
});

test("NOTIFY pgrst, 'reload schema' reloads the cache", async () => {
  // Create the table with the DDL watcher off, so only the NOTIFY can reveal it.
  await sql(`
    do $$ begin
      alter event trigger pgrst_ddl_watch disable;
      create table public.cache_silent (id int primary key);
      insert into public.cache_silent values (7);
      alter event trigger pgrst_ddl_watch enable;
    end $$`);
  try {
    const stale = await get('/cache_silent');
    assert.equal(stale.status, 404);
    await sql(`notify pgrst, 'reload schema'`);
    const fresh = await eventually('/cache_silent', 200);
    assert.equal(fresh.status, 200);
    assert.deepEqual(fresh.body, [{ id: 7 }]);
  } finally {
    await sql('drop table public.cache_silent');
  }
});

test('role settings are reloaded too', async () => {
  await sql(`alter role anon set statement_timeout = '4s'`);
  try {
    await sql(`notify pgrst, 'reload config'`);
    const r = await eventually('/request_info?select=statement_timeout', 200);
    const start = Date.now();
    let timeout = r.body[0].statement_timeout;
    while (timeout !== '4s' && Date.now() - start < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      timeout = (await get('/request_info?select=statement_timeout')).body[0].statement_timeout;
    }
    assert.equal(timeout, '4s');
  } finally {
    await sql(`alter role anon set statement_timeout = '3s'`);
    await sql(`notify pgrst, 'reload config'`);
  }
});
