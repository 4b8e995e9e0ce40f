// The category tree has no cycles: a category is never its own ancestor, not even when two people
// move categories at the same time.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DATABASE_URL, sql } from '../../helpers/env.ts';
import { createWorld, type World } from '../world.ts';
import { makeCategory } from './builders.ts';
import { as, assertRuleRefused } from './helpers.ts';

let world: World;
before(async () => {
  world = await createWorld();
});

const parentOf = async (id: string) => (await sql(`select parent_id from public.categories where id = $1`, [id]))[0].parent_id;

test('a category cannot be its own parent', async () => {
  const category = await makeCategory(world);
  const reply = await as(world, 'staffA').from('categories').update({ parent_id: category.id }).eq('id', category.id);
  assertRuleRefused(reply, `category "${category.slug}" cannot be placed under "${category.slug}": a category cannot be its own ancestor`);
  assert.equal(await parentOf(category.id), null);
});

test('a category cannot move under one of its descendants', async () => {
  const root = await makeCategory(world);
  const child = await makeCategory(world, { parent_id: root.id });
  const grandchild = await makeCategory(world, { parent_id: child.id });
  const reply = await as(world, 'admin').from('categories').update({ parent_id: grandchild.id }).eq('id', root.id);
  assertRuleRefused(reply, `category "${root.slug}" cannot be placed under "${grandchild.slug}": a category cannot be its own ancestor`);
  assert.equal(await parentOf(root.id), null);
});

test('a category moves under a category of another branch', async () => {
  const root = await makeCategory(world);
  const other = await makeCategory(world);
  const child = await makeCategory(world, { parent_id: root.id });
  const reply = await as(world, 'staffB').from('categories').update({ parent_id: other.id }).eq('id', child.id);
  assert.equal(reply.status, 204, JSON.stringify(reply.error));
  assert.equal(await parentOf(child.id), other.id);
});

test('two concurrent moves cannot make a cycle together', async () => {
  const a = await makeCategory(world);
  const b = await makeCategory(world);
  const first = new pg.Client({ connectionString: DATABASE_URL });
  const second = new pg.Client({ connectionString: DATABASE_URL });
  await Promise.all([first.connect(), second.connect()]);
  try {
    await first.query('begin');
    await first.query('update public.categories set parent_id = $1 where id = $2', [b.id, a.id]);
    await second.query('begin');
    // Waits for the first move, then sees it.
    const moving = second.query('update public.categories set parent_id = $1 where id = $2', [a.id, b.id]).then(
      () => null,
      (error: Error) => error.message,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await first.query('commit');
    assert.equal(await moving, `category "${b.slug}" cannot be placed under "${a.slug}": a category cannot be its own ancestor`);
    await second.query('rollback');
  } finally {
    await Promise.all([first.end(), second.end()]);
  }
  assert.equal(await parentOf(a.id), b.id);
  assert.equal(await parentOf(b.id), null);
});

test('a category with subcategories cannot be deleted', async () => {
  const root = await makeCategory(world);
  await makeCategory(world, { parent_id: root.id });
  const reply = await as(world, 'admin').from('categories').delete().eq('id', root.id);
  assert.equal(reply.status, 409, JSON.stringify(reply.error));
  assert.equal(reply.error?.code, '23503');
  assert.equal((await sql(`select count(*)::int as n from public.categories where id = $1`, [root.id]))[0].n, 1);
});
